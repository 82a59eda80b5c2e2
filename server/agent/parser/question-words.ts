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
`;

export const QUESTION_WORDS: readonly string[] = WORDS.split(/\s+/).filter(Boolean);
