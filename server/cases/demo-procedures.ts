// Reference data for the demo generator: real CPT / ICD-10-PCS procedure codes with the MS-DRG and
// ICD-10-CM principal diagnoses they usually travel with. Costs, stays and times are plausible
// round figures, not any payer's schedule.

export type Specialty =
  | 'orthopedics'
  | 'cardiac'
  | 'general'
  | 'obstetrics'
  | 'spine'
  | 'urology'
  | 'eye'
  | 'digestive'
  | 'critical';

interface DemoProcedure {
  code: string;
  name: string;
  drg: [code: string, name: string] | null;
  conditions: [code: string, name: string][];
  specialty: Specialty;
  /** Relative frequency. */
  weight: number;
  /** Median cost in USD; costs are lognormal around it. */
  cost: number;
  /** Median length of stay in days (0 = same-day). */
  los: number;
  orMinutes: number;
  readmission: number;
  femaleShare: number;
  ageMean: number;
}

const knee: [string, string][] = [
  ['M17.11', 'Unilateral primary osteoarthritis, right knee'],
  ['M17.12', 'Unilateral primary osteoarthritis, left knee'],
  ['M17.0', 'Bilateral primary osteoarthritis of knee'],
];
const hip: [string, string][] = [
  ['M16.11', 'Unilateral primary osteoarthritis, right hip'],
  ['M16.12', 'Unilateral primary osteoarthritis, left hip'],
];
const coronary: [string, string][] = [
  ['I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris'],
  ['I25.110', 'Atherosclerotic heart disease of native coronary artery with unstable angina pectoris'],
  ['I21.4', 'Non-ST elevation (NSTEMI) myocardial infarction'],
];
const lumbar: [string, string][] = [
  ['M48.061', 'Spinal stenosis, lumbar region without neurogenic claudication'],
  ['M43.16', 'Spondylolisthesis, lumbar region'],
  ['M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region'],
];
const gallbladder: [string, string][] = [
  ['K80.20', 'Calculus of gallbladder without cholecystitis without obstruction'],
  ['K81.0', 'Acute cholecystitis'],
  ['K80.10', 'Calculus of gallbladder with chronic cholecystitis without obstruction'],
];
const appendix: [string, string][] = [
  ['K35.80', 'Unspecified acute appendicitis'],
  ['K35.20', 'Acute appendicitis with generalized peritonitis, without abscess'],
];
const hernia: [string, string][] = [
  ['K40.90', 'Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent'],
  ['K40.91', 'Unilateral inguinal hernia, without obstruction or gangrene, recurrent'],
];
const obesity: [string, string][] = [['E66.01', 'Morbid (severe) obesity due to excess calories']];
const uterus: [string, string][] = [
  ['D25.9', 'Leiomyoma of uterus, unspecified'],
  ['N92.0', 'Excessive and frequent menstruation with regular cycle'],
];
const aortic: [string, string][] = [['I35.0', 'Nonrheumatic aortic (valve) stenosis']];

// biome-ignore format: one procedure per line reads as a table
export const DEMO_PROCEDURES: DemoProcedure[] = [
  { code: '27447', name: 'Total knee arthroplasty', drg: ['470', 'Major hip and knee joint replacement or reattachment of lower extremity without MCC'], conditions: knee, specialty: 'orthopedics', weight: 9, cost: 16500, los: 2, orMinutes: 95, readmission: 0.04, femaleShare: 0.6, ageMean: 67 },
  { code: '27130', name: 'Total hip arthroplasty', drg: ['470', 'Major hip and knee joint replacement or reattachment of lower extremity without MCC'], conditions: hip, specialty: 'orthopedics', weight: 6, cost: 17500, los: 2, orMinutes: 100, readmission: 0.045, femaleShare: 0.55, ageMean: 66 },
  { code: '27245', name: 'Treatment of intertrochanteric femoral fracture with implant', drg: ['481', 'Hip and femur procedures except major joint with CC'], conditions: [['S72.141A', 'Displaced intertrochanteric fracture of right femur, initial encounter'], ['S72.142A', 'Displaced intertrochanteric fracture of left femur, initial encounter']], specialty: 'orthopedics', weight: 3, cost: 21000, los: 5, orMinutes: 80, readmission: 0.14, femaleShare: 0.7, ageMean: 81 },
  { code: '23472', name: 'Total shoulder arthroplasty', drg: ['483', 'Major joint or limb reattachment procedures of upper extremities'], conditions: [['M19.011', 'Primary osteoarthritis, right shoulder'], ['M19.012', 'Primary osteoarthritis, left shoulder']], specialty: 'orthopedics', weight: 2, cost: 19000, los: 1, orMinutes: 110, readmission: 0.035, femaleShare: 0.5, ageMean: 69 },
  { code: '29881', name: 'Knee arthroscopy with meniscectomy', drg: null, conditions: [['S83.241A', 'Other tear of medial meniscus, current injury, right knee, initial encounter'], ['M23.221', 'Derangement of posterior horn of medial meniscus due to old tear, right knee']], specialty: 'orthopedics', weight: 5, cost: 4200, los: 0, orMinutes: 45, readmission: 0.02, femaleShare: 0.45, ageMean: 48 },
  { code: '29827', name: 'Arthroscopic rotator cuff repair', drg: null, conditions: [['M75.121', 'Complete rotator cuff tear or rupture of right shoulder, not specified as traumatic'], ['M75.122', 'Complete rotator cuff tear or rupture of left shoulder, not specified as traumatic']], specialty: 'orthopedics', weight: 3, cost: 7800, los: 0, orMinutes: 90, readmission: 0.02, femaleShare: 0.4, ageMean: 57 },
  { code: '64721', name: 'Carpal tunnel release', drg: null, conditions: [['G56.01', 'Carpal tunnel syndrome, right upper limb'], ['G56.02', 'Carpal tunnel syndrome, left upper limb']], specialty: 'orthopedics', weight: 3, cost: 2300, los: 0, orMinutes: 20, readmission: 0.02, femaleShare: 0.65, ageMean: 54 },
  { code: '28296', name: 'Bunionectomy with distal metatarsal osteotomy', drg: null, conditions: [['M20.11', 'Hallux valgus (acquired), right foot'], ['M20.12', 'Hallux valgus (acquired), left foot']], specialty: 'orthopedics', weight: 1.5, cost: 4600, los: 0, orMinutes: 60, readmission: 0.02, femaleShare: 0.85, ageMean: 52 },
  { code: '33533', name: 'Coronary artery bypass graft, arterial, single', drg: ['236', 'Coronary bypass without cardiac catheterization without MCC'], conditions: coronary, specialty: 'cardiac', weight: 2.5, cost: 46000, los: 6, orMinutes: 240, readmission: 0.12, femaleShare: 0.25, ageMean: 66 },
  { code: '92928', name: 'Percutaneous coronary stent placement', drg: ['247', 'Percutaneous cardiovascular procedures with drug-eluting stent without MCC'], conditions: coronary, specialty: 'cardiac', weight: 5, cost: 19500, los: 1, orMinutes: 75, readmission: 0.09, femaleShare: 0.3, ageMean: 65 },
  { code: '93458', name: 'Left heart catheterization with coronary angiography', drg: null, conditions: [['I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris'], ['R07.9', 'Chest pain, unspecified']], specialty: 'cardiac', weight: 5, cost: 5200, los: 0, orMinutes: 40, readmission: 0.05, femaleShare: 0.4, ageMean: 64 },
  { code: '33361', name: 'Transcatheter aortic valve replacement (TAVR)', drg: ['267', 'Endovascular cardiac valve replacement and supplement procedures without MCC'], conditions: aortic, specialty: 'cardiac', weight: 1.5, cost: 52000, los: 2, orMinutes: 90, readmission: 0.11, femaleShare: 0.45, ageMean: 80 },
  { code: '33405', name: 'Surgical aortic valve replacement', drg: ['220', 'Cardiac valve and other major cardiothoracic procedures without cardiac catheterization with CC'], conditions: aortic, specialty: 'cardiac', weight: 1, cost: 58000, los: 6, orMinutes: 230, readmission: 0.13, femaleShare: 0.4, ageMean: 68 },
  { code: '33208', name: 'Insertion of dual-chamber permanent pacemaker', drg: ['244', 'Permanent cardiac pacemaker implant without CC/MCC'], conditions: [['I44.2', 'Atrioventricular block, complete'], ['I49.5', 'Sick sinus syndrome']], specialty: 'cardiac', weight: 2, cost: 17000, los: 1, orMinutes: 70, readmission: 0.08, femaleShare: 0.45, ageMean: 76 },
  { code: '35301', name: 'Carotid endarterectomy', drg: ['039', 'Extracranial procedures without CC/MCC'], conditions: [['I65.21', 'Occlusion and stenosis of right carotid artery'], ['I65.22', 'Occlusion and stenosis of left carotid artery']], specialty: 'cardiac', weight: 1, cost: 14500, los: 1, orMinutes: 120, readmission: 0.07, femaleShare: 0.4, ageMean: 71 },
  { code: '47562', name: 'Laparoscopic cholecystectomy', drg: ['419', 'Laparoscopic cholecystectomy without C.D.E. without CC/MCC'], conditions: gallbladder, specialty: 'general', weight: 8, cost: 9800, los: 1, orMinutes: 70, readmission: 0.04, femaleShare: 0.7, ageMean: 47 },
  { code: '44970', name: 'Laparoscopic appendectomy', drg: ['343', 'Appendectomy without complicated principal diagnosis without CC/MCC'], conditions: appendix, specialty: 'general', weight: 6, cost: 10500, los: 1, orMinutes: 60, readmission: 0.04, femaleShare: 0.48, ageMean: 32 },
  { code: '44950', name: 'Open appendectomy', drg: ['340', 'Appendectomy with complicated principal diagnosis without CC/MCC'], conditions: appendix, specialty: 'general', weight: 1, cost: 13500, los: 3, orMinutes: 75, readmission: 0.07, femaleShare: 0.48, ageMean: 35 },
  { code: '49505', name: 'Open inguinal hernia repair', drg: null, conditions: hernia, specialty: 'general', weight: 4, cost: 5600, los: 0, orMinutes: 60, readmission: 0.025, femaleShare: 0.12, ageMean: 55 },
  { code: '49650', name: 'Laparoscopic inguinal hernia repair', drg: null, conditions: hernia, specialty: 'general', weight: 3, cost: 7400, los: 0, orMinutes: 70, readmission: 0.02, femaleShare: 0.1, ageMean: 52 },
  { code: '44204', name: 'Laparoscopic partial colectomy', drg: ['331', 'Major small and large bowel procedures without CC/MCC'], conditions: [['C18.7', 'Malignant neoplasm of sigmoid colon'], ['K57.32', 'Diverticulitis of large intestine without perforation or abscess without bleeding']], specialty: 'general', weight: 2, cost: 24000, los: 4, orMinutes: 180, readmission: 0.12, femaleShare: 0.5, ageMean: 63 },
  { code: '43644', name: 'Laparoscopic Roux-en-Y gastric bypass', drg: ['621', 'O.R. procedures for obesity without CC/MCC'], conditions: obesity, specialty: 'general', weight: 2, cost: 21000, los: 2, orMinutes: 150, readmission: 0.06, femaleShare: 0.78, ageMean: 44 },
  { code: '43775', name: 'Laparoscopic sleeve gastrectomy', drg: ['621', 'O.R. procedures for obesity without CC/MCC'], conditions: obesity, specialty: 'general', weight: 3, cost: 17500, los: 1, orMinutes: 95, readmission: 0.05, femaleShare: 0.8, ageMean: 43 },
  { code: '19303', name: 'Simple complete mastectomy', drg: ['583', 'Mastectomy for malignancy without CC/MCC'], conditions: [['C50.911', 'Malignant neoplasm of unspecified site of right female breast'], ['C50.912', 'Malignant neoplasm of unspecified site of left female breast']], specialty: 'general', weight: 1.5, cost: 14000, los: 1, orMinutes: 120, readmission: 0.05, femaleShare: 0.99, ageMean: 60 },
  { code: '59510', name: 'Cesarean delivery', drg: ['788', 'Cesarean section without sterilization without CC/MCC'], conditions: [['O82', 'Encounter for cesarean delivery without indication'], ['O34.211', 'Maternal care for low transverse scar from previous cesarean delivery'], ['O32.1XX0', 'Maternal care for breech presentation, not applicable or unspecified']], specialty: 'obstetrics', weight: 7, cost: 11500, los: 3, orMinutes: 55, readmission: 0.03, femaleShare: 1, ageMean: 31 },
  { code: '59400', name: 'Vaginal delivery with antepartum and postpartum care', drg: ['807', 'Vaginal delivery without sterilization or D&C without CC/MCC'], conditions: [['O80', 'Encounter for full-term uncomplicated delivery'], ['O48.0', 'Post-term pregnancy']], specialty: 'obstetrics', weight: 12, cost: 6200, los: 2, orMinutes: 0, readmission: 0.02, femaleShare: 1, ageMean: 29 },
  { code: '58571', name: 'Laparoscopic total hysterectomy', drg: ['743', 'Uterine and adnexa procedures for non-malignancy without CC/MCC'], conditions: uterus, specialty: 'obstetrics', weight: 3, cost: 12500, los: 1, orMinutes: 130, readmission: 0.04, femaleShare: 1, ageMean: 46 },
  { code: '58150', name: 'Total abdominal hysterectomy', drg: ['743', 'Uterine and adnexa procedures for non-malignancy without CC/MCC'], conditions: uterus, specialty: 'obstetrics', weight: 1.5, cost: 14500, los: 3, orMinutes: 140, readmission: 0.06, femaleShare: 1, ageMean: 48 },
  { code: '22612', name: 'Posterior lumbar spinal fusion', drg: ['460', 'Spinal fusion except cervical without MCC'], conditions: lumbar, specialty: 'spine', weight: 3.5, cost: 38000, los: 3, orMinutes: 210, readmission: 0.08, femaleShare: 0.55, ageMean: 60 },
  { code: '22633', name: 'Lumbar interbody fusion, combined posterolateral technique', drg: ['460', 'Spinal fusion except cervical without MCC'], conditions: lumbar, specialty: 'spine', weight: 1.5, cost: 45000, los: 3, orMinutes: 240, readmission: 0.09, femaleShare: 0.55, ageMean: 61 },
  { code: '22551', name: 'Anterior cervical discectomy and fusion', drg: ['473', 'Cervical spinal fusion without CC/MCC'], conditions: [['M50.20', 'Other cervical disc displacement, unspecified cervical region'], ['M47.812', 'Spondylosis without myelopathy or radiculopathy, cervical region']], specialty: 'spine', weight: 2, cost: 27000, los: 1, orMinutes: 150, readmission: 0.05, femaleShare: 0.5, ageMean: 55 },
  { code: '63047', name: 'Lumbar laminectomy with decompression', drg: ['520', 'Back and neck procedures except spinal fusion without CC/MCC'], conditions: [['M48.062', 'Spinal stenosis, lumbar region with neurogenic claudication'], ['M48.061', 'Spinal stenosis, lumbar region without neurogenic claudication']], specialty: 'spine', weight: 2, cost: 15500, los: 1, orMinutes: 120, readmission: 0.05, femaleShare: 0.45, ageMean: 65 },
  { code: '61510', name: 'Craniotomy for excision of supratentorial brain tumor', drg: ['027', 'Craniotomy and endovascular intracranial procedures without CC/MCC'], conditions: [['C71.1', 'Malignant neoplasm of frontal lobe'], ['D32.0', 'Benign neoplasm of cerebral meninges']], specialty: 'spine', weight: 0.8, cost: 42000, los: 4, orMinutes: 260, readmission: 0.12, femaleShare: 0.5, ageMean: 57 },
  { code: '55866', name: 'Laparoscopic radical prostatectomy', drg: ['708', 'Major male pelvic procedures without CC/MCC'], conditions: [['C61', 'Malignant neoplasm of prostate']], specialty: 'urology', weight: 1.5, cost: 22000, los: 1, orMinutes: 200, readmission: 0.05, femaleShare: 0, ageMean: 63 },
  { code: '52601', name: 'Transurethral resection of prostate (TURP)', drg: ['714', 'Transurethral prostatectomy without CC/MCC'], conditions: [['N40.1', 'Benign prostatic hyperplasia with lower urinary tract symptoms']], specialty: 'urology', weight: 1.5, cost: 8900, los: 1, orMinutes: 70, readmission: 0.06, femaleShare: 0, ageMean: 70 },
  { code: '50590', name: 'Extracorporeal shock wave lithotripsy', drg: null, conditions: [['N20.0', 'Calculus of kidney'], ['N20.1', 'Calculus of ureter']], specialty: 'urology', weight: 2, cost: 6100, los: 0, orMinutes: 50, readmission: 0.04, femaleShare: 0.4, ageMean: 50 },
  { code: '66984', name: 'Cataract removal with intraocular lens insertion', drg: null, conditions: [['H25.11', 'Age-related nuclear cataract, right eye'], ['H25.12', 'Age-related nuclear cataract, left eye']], specialty: 'eye', weight: 8, cost: 2100, los: 0, orMinutes: 18, readmission: 0.02, femaleShare: 0.58, ageMean: 72 },
  { code: '45378', name: 'Diagnostic colonoscopy', drg: null, conditions: [['Z12.11', 'Encounter for screening for malignant neoplasm of colon'], ['K63.5', 'Polyp of colon']], specialty: 'digestive', weight: 10, cost: 1500, los: 0, orMinutes: 25, readmission: 0.02, femaleShare: 0.52, ageMean: 58 },
  { code: '43239', name: 'Upper GI endoscopy with biopsy', drg: null, conditions: [['K21.9', 'Gastro-esophageal reflux disease without esophagitis'], ['K29.70', 'Gastritis, unspecified, without bleeding']], specialty: 'digestive', weight: 6, cost: 1400, los: 0, orMinutes: 15, readmission: 0.02, femaleShare: 0.55, ageMean: 52 },
  { code: '32663', name: 'Thoracoscopic lobectomy (VATS)', drg: ['165', 'Major chest procedures without CC/MCC'], conditions: [['C34.11', 'Malignant neoplasm of upper lobe, right bronchus or lung'], ['C34.12', 'Malignant neoplasm of upper lobe, left bronchus or lung']], specialty: 'critical', weight: 1, cost: 31000, los: 4, orMinutes: 190, readmission: 0.1, femaleShare: 0.5, ageMean: 67 },
  { code: '5A1955Z', name: 'Respiratory ventilation, greater than 96 consecutive hours', drg: ['207', 'Respiratory system diagnosis with ventilator support greater than 96 hours'], conditions: [['J96.01', 'Acute respiratory failure with hypoxia'], ['A41.9', 'Sepsis, unspecified organism']], specialty: 'critical', weight: 1.2, cost: 68000, los: 12, orMinutes: 0, readmission: 0.2, femaleShare: 0.45, ageMean: 66 },
  { code: '0W9G3ZZ', name: 'Drainage of peritoneal cavity, percutaneous approach (paracentesis)', drg: ['433', 'Cirrhosis and alcoholic hepatitis with CC'], conditions: [['K70.31', 'Alcoholic cirrhosis of liver with ascites'], ['K74.60', 'Unspecified cirrhosis of liver']], specialty: 'critical', weight: 1.5, cost: 9500, los: 4, orMinutes: 0, readmission: 0.18, femaleShare: 0.35, ageMean: 56 },
];
