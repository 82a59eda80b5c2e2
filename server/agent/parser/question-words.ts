// The words analysts' questions are made of, beyond the semantic model's measure and dimension words and the
// organization's names: a typo is corrected to one of these, and none of these is ever "corrected".

// biome-ignore format: a word list reads best packed
const WORDS = `
a about above across after again against all almost along also although always am among an and another any
anything are around as ask asked at average averages avg away back bad bar be because been before being below
best better between beyond biggest both bottom break breakdown broken but by calendar can cheap cheaper
cheapest chart choose combined compare compared comparing comparison could count counts current daily data day
days decrease decreased decreases detail detailed details did difference different do does doing done down drop
dropped drops during each earlier earliest either else end ending ends enough entire etc ever every exclude
excluding expect expected expensive fall falls fewer fewest figure figures find first for forecast forecasts from
full give given go going good greater grew group grouped grow growth had half has have having he her here
high higher highest him his how however if in include including increase increased increases individual instead
into is it its just keep kind know largest last latest least leave less let like likely list lose loss losses
lost low lower lowest made make many max maximum may me mean median members mid might min minimum mix month
months more most much must my need new next no none nor not now number of off often on once one only onto or
order other others our ours out over overall overview own pair part past patient patients per percent percentage
percentile percentiles period periods pick place plot predict predicted prediction previous prior quarter
quarterly quarters raise raised raises range rank ranked ranking rate rates rather ratio recent relative remove
rest same scenario see separate separately several share she should show shown simulate simulation since single
so some split spread standard start started starting still such sum summary table take than that the their them
then there these they thing things this those through thru till to today top total totals trend trending trends
twelve under until up upon us use used versus very via was we week weekly weeks were what when where whether which
while who whole whom whose why will with within without worst would year years yearly yesterday yet you your
zero two three four five six seven eight nine ten eleven hundred thousand million billion first second third
fourth fifth tenth
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
fiscal ytd mtd qtd yoy qoq mom fytd ltm ttm
cases case procedure procedures surgeon surgeons payor payors payer payers provider providers client clients
insurer insurers insurance hospital hospitals doctor doctors physician physicians facility facilities
code codes cpt drg drgs icd diagnosis diagnoses condition conditions
male female men women man woman gender sex age aged ages old older younger year-old
typical typically look looks like happen happens happened cost costs revenue revenues profit margin margins
discount discounts reimbursement reimbursements payment payments paid pays charge charges billed price prices
stay stays length readmission readmissions readmitted minutes hours time times operating room theatre surgery
surgeries operation operations replacement replacements repair removal surgical outpatient inpatient
volume volumes utilization performance performing performed perform doing done
value values placed side sides size summarize summarise summary stats statistics indicators kpi kpis snapshot
scorecard glance picture headline usual looked profile define explain search tell differ differs difference
adjective pricier priciest costlier costliest pricey costly longer longest shorter shortest bigger biggest smaller
smallest worse worst greatest slowest fastest quickest busiest exceeding exceeds exceeded north south east west
beneath averaging running runs sits stands amount amounts scale unit units well addition caseload admissions
called stand name names named model fields field thresholds threshold label labels want wanted compute computed
follow follows following replace replaces kept word words never change changes changed changing fixed report
reports trim trimmed already outliers outlier moving answer answers bare digit digits currency sign signs
keyword match matches matched shape clinical refer refers meaning index coded date dates moves keeping target
targets reading equal slice join joined joins admit admits admitted trailing span phrase text anchor limit limits
article person persons secondary math received based base simulated size projected projection horizon states
reads entity plural recognised recognized sure taken even worth trying calls ambiguous generic asking options
option offered close closer closest candidates scoring looking counting leaving literal optional currently
people undergoing cause causes sorted sort went goes level levels earn earned earning earnings generate generated
bring brought receive received collect collected gave grant granted offer offers remaining ignoring ignore
removing minus removed excluded ordinal apart resolved unknown cannot anyone seniors senior elderly geriatric
adults adult pediatric paediatric children child kids minors numeric ladies lady gentlemen gentleman girls boys
describe parse weather poem poetry joke song lyrics story recipe haiku essay limerick translate horoscope stock
stocks football movie compose sing draw morning afternoon evening night help deviation variance mode deviations
variances satisfaction promoter mortality death deaths infection infections complication complications staffing
headcount salary salaries wait waits waiting denial denials race ethnicity hold twenty matches written english
object build highlight refuse refused changing leftover involving plus allowed true estimate estimates estimating
long cohort cohorts ties tie similar clarify spelling spelt quotes dashes spaces cuts returns pattern patterns
pricing fees fee schedule schedules supply supplies labour labor fell decline declines declined rise rises rose
shrink shrinks climb climbs suppose imagine impact effect effects hike hikes reduce reduced slash slashed become
becomes lowered lowering reducing decreasing raising increasing bump adjust adjusted outside cent cents dollars
dollar applies apply applied flat using learn history lookback taking coming upcoming gets organization
organisation default otherwise conversation answered turn clarified failed nothing known singled inside leads
catalog sent everyday exactly recently lately historically generally usually normally altogether dataset info
information view everyone interested needed love check money bucks damage spent company business practice
department stuff something everything great poor admission episode episodes actual final gross tells questions
recognise candidate phrases synonyms thirty theater duration profitable profitability losing making charged
reimburse reimbursed takings costing wins proportion fraction middle quartile quartiles items aggregate steps
operator operators carrier carriers companies location locations campus campuses sexes bracket brackets entry
ordered various came member members trended series evolution evolved progress grains grain lead descending
ascending rows undo skip pivot grouping begun beginning source alone alike lined
sepsis pneumonia stroke diabetes hypertension asthma anemia anaemia obesity cancer cancers tumor tumour pain
injury injuries trauma emergency elective urgent ambulatory observation icu ward wards bed beds nurse nurses
staff anesthesia anaesthesia device devices drug drugs pharmacy lab labs imaging radiology therapy rehab
discharge discharges discharged transfer transfers implant implants complex simple major minor acute chronic
bilateral unilateral left right primary revision revisions robotic laparoscopic open endoscopic percutaneous
day-case same-day overnight weekend weekday holiday shift
yes no not also any some such only own each both either neither whatever whichever however
happen happens happened happening lead leads led drive drives driven driving cause caused reason reasons why
explain explains explained show shows showed showing find finds found see seen saw look looked looking
compare compares compared comparing rank ranks ranked ranking sort sorts sorted list lists listed listing
test tests read reading thank thanks real really actually deal deals original leading later girl question docs
`;

export const QUESTION_WORDS: readonly string[] = WORDS.split(/\s+/).filter(Boolean);

// biome-ignore format: a word list reads best packed
const ANALYSIS = `
average averages mean median total totals sum count number share percent percentage percentile percentiles
top bottom highest lowest most least fewest cheapest expensive priciest costliest longest shortest trend trends
monthly quarterly yearly annual weekly daily month months quarter quarters year years week weeks
predict prediction forecast estimate simulate simulation scenario compare compared comparison versus between
overview summary typical breakdown distribution minimum maximum ratio rate rates mix increase decrease raise
drop lower higher fall rise excluding exclude without only since through until last previous prior fiscal
january february march april june july august september october november december
surgeon surgeons payor payors payer payers provider providers client clients procedure procedures
`;

/** The question words whose slip changes the reading (a figure, a breakdown, a window): typos are corrected to
 *  these. Every other everyday word is only protected from being "corrected". */
export const ANALYSIS_WORDS: readonly string[] = ANALYSIS.split(/\s+/).filter(Boolean);
