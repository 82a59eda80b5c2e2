import { compactCode, tokens } from './fuzzy';
import type { Catalog, CatalogEntry } from './types';

// Diagnosis shorthand as analysts write it ("CHF", "COPD", "afib", "hip fx", "diabetics"), each mapped to what it
// stands for: ICD-10-CM code prefixes (so any uploaded catalog coded in ICD-10-CM matches), the MS-DRGs that are
// the condition, and word sets a condition's name holds, for catalogs coded otherwise. A shorthand names all of
// the organization's conditions it covers together ("OA" is every osteoarthritis code), or nothing at all: a
// shorthand whose condition the organization does not have is "not found", never a look-alike name.

interface ConditionAbbreviation {
  /** How it is written, lower case; a plural "s" is also accepted. */
  forms: string[];
  meaning: string;
  /** ICD-10-CM code prefixes, without dots. */
  prefixes: string[];
  /** MS-DRG codes, used when no condition matches. */
  drgs: string[];
  /** Sets of words a condition's (or DRG's) name must all hold (any one set). */
  words: string[][];
}

// forms | meaning | ICD-10-CM prefixes | MS-DRGs | word sets (;)
// biome-ignore format: one condition per line reads as a table
const TABLE: [string, string, string, string, string][] = [
  ['chf|hf|heart failure|congestive heart failure|chf exacerbation|hfref|hfpef', 'Heart failure', 'I50', '291 292 293', 'heart failure'],
  ['copd|aecopd|chronic obstructive pulmonary disease|emphysema|chronic bronchitis', 'Chronic obstructive pulmonary disease', 'J44 J43', '190 191 192', 'chronic obstructive pulmonary; emphysema'],
  ['ami|mi|heart attack|myocardial infarction|acute mi|acute myocardial infarction', 'Acute myocardial infarction', 'I21 I22', '280 281 282', 'myocardial infarction'],
  ['stemi', 'ST elevation myocardial infarction', 'I210 I211 I212 I213', '', 'st elevation myocardial infarction'],
  ['nstemi|non-stemi', 'Non-ST elevation myocardial infarction', 'I214', '', 'nstemi; non st elevation myocardial infarction'],
  ['acs|acute coronary syndrome', 'Acute coronary syndrome', 'I200 I21 I22 I24 I25110', '', 'unstable angina; myocardial infarction'],
  ['cad|coronary artery disease|ashd|ischemic heart disease|coronary disease', 'Coronary artery disease', 'I25', '', 'atherosclerotic heart disease; coronary artery disease'],
  ['angina|unstable angina', 'Angina', 'I20 I2511', '', 'angina'],
  ['ckd|chronic kidney disease|chronic renal failure|crf', 'Chronic kidney disease', 'N18', '', 'chronic kidney disease'],
  ['esrd|end stage renal disease|end-stage renal disease|eskd', 'End-stage renal disease', 'N186', '', 'end stage renal disease'],
  ['aki|acute kidney injury|acute renal failure', 'Acute kidney injury', 'N17', '682 683 684', 'acute kidney failure; acute kidney injury'],
  ['uti|urinary tract infection|bladder infection', 'Urinary tract infection', 'N390 N30', '689 690', 'urinary tract infection; cystitis'],
  ['pna|pneumonia|cap|hcap', 'Pneumonia', 'J12 J13 J14 J15 J16 J17 J18', '193 194 195', 'pneumonia'],
  ['cva|stroke|ischemic stroke|cerebral infarction|brain attack', 'Stroke', 'I63 I61 I64', '061 062 063 064 065 066', 'cerebral infarction; stroke'],
  ['tia|transient ischemic attack|mini stroke', 'Transient ischemic attack', 'G45', '069', 'transient cerebral ischemic; transient ischemic'],
  ['dm|diabetes|diabetic|diabetes mellitus|t2dm|dm2|t2d|type 2 diabetes|type ii diabetes|niddm|sugar diabetes', 'Diabetes mellitus', 'E08 E09 E10 E11 E13', '637 638 639', 'diabetes'],
  ['t1dm|dm1|t1d|type 1 diabetes|type i diabetes|iddm', 'Type 1 diabetes mellitus', 'E10', '', 'type 1 diabetes'],
  ['dka|diabetic ketoacidosis', 'Diabetic ketoacidosis', 'E101 E111 E131', '', 'ketoacidosis'],
  ['htn|hypertension|high blood pressure|hypertensive', 'Hypertension', 'I10 I11 I12 I13 I15 I16', '304 305', 'hypertension'],
  ['afib|a-fib|a fib|af|atrial fibrillation|atrial flutter|aflutter', 'Atrial fibrillation or flutter', 'I48', '308 309 310', 'atrial fibrillation; atrial flutter'],
  ['dvt|deep vein thrombosis|deep venous thrombosis|blood clot', 'Deep vein thrombosis', 'I824 I825 I826', '', 'deep vein thrombosis; embolism thrombosis deep veins'],
  ['pe|pulmonary embolism|pulmonary embolus|pe clot', 'Pulmonary embolism', 'I26', '175 176', 'pulmonary embolism'],
  ['vte|venous thromboembolism', 'Venous thromboembolism', 'I26 I824 I825', '175 176', 'pulmonary embolism; deep vein thrombosis'],
  ['gi bleed|gib|ugib|lgib|gi bleeding|gastrointestinal bleed|gastrointestinal bleeding|gastrointestinal hemorrhage', 'Gastrointestinal bleeding', 'K920 K921 K922 K625', '377 378 379', 'gastrointestinal hemorrhage'],
  ['sepsis|septic|septicemia|septic shock|severe sepsis', 'Sepsis', 'A40 A41 R652', '870 871 872', 'sepsis'],
  ['oa|osteoarthritis|djd|degenerative joint disease|arthritis', 'Osteoarthritis', 'M15 M16 M17 M18 M19', '', 'osteoarthritis'],
  ['knee oa|knee osteoarthritis|knee arthritis|oa knee|oa of the knee', 'Osteoarthritis of the knee', 'M17', '', 'osteoarthritis knee'],
  ['hip oa|hip osteoarthritis|hip arthritis|oa hip|oa of the hip', 'Osteoarthritis of the hip', 'M16', '', 'osteoarthritis hip'],
  ['shoulder oa|shoulder osteoarthritis|shoulder arthritis', 'Osteoarthritis of the shoulder', 'M1901', '', 'osteoarthritis shoulder'],
  ['ra|rheumatoid arthritis', 'Rheumatoid arthritis', 'M05 M06', '', 'rheumatoid arthritis'],
  ['fx|fracture|fractures|broken bone|broken bones', 'Fracture', 'S02 S12 S22 S32 S42 S52 S62 S72 S82 S92 M80 M8430', '', 'fracture'],
  ['hip fx|hip fracture|femoral neck fracture|femoral neck fx|intertrochanteric fracture|intertroch fx', 'Hip fracture', 'S720 S721 S722', '', 'femur fracture intertrochanteric; femur fracture neck; femur fracture pertrochanteric'],
  ['wrist fx|wrist fracture|distal radius fracture|drf', 'Distal radius fracture', 'S525', '', 'radius fracture lower end'],
  ['ankle fx|ankle fracture|bimalleolar fracture|trimalleolar fracture', 'Ankle fracture', 'S825 S826 S828', '', 'malleolus fracture; ankle fracture'],
  ['spinal stenosis|lumbar stenosis|lumbar spinal stenosis', 'Spinal stenosis', 'M480', '', 'spinal stenosis'],
  ['ddd|degenerative disc disease|disc degeneration', 'Degenerative disc disease', 'M503 M513', '', 'disc degeneration'],
  ['hnp|herniated disc|disc herniation|slipped disc|bulging disc|disc displacement', 'Herniated disc', 'M501 M502 M511 M512', '', 'disc displacement; disc disorders radiculopathy'],
  ['sciatica|radiculopathy', 'Radiculopathy', 'M541 M543 M5116 M5117', '', 'radiculopathy; sciatica'],
  ['spondylolisthesis', 'Spondylolisthesis', 'M431', '', 'spondylolisthesis'],
  ['bph|enlarged prostate|benign prostatic hyperplasia', 'Benign prostatic hyperplasia', 'N40', '725 726', 'benign prostatic hyperplasia'],
  ['kidney stones|kidney stone|nephrolithiasis|renal calculi|renal stones|urolithiasis|ureteral stone', 'Kidney and ureter stones', 'N20 N21', '691 692 693', 'calculus kidney; calculus ureter'],
  ['gallstones|gallstone|cholelithiasis|gall stones', 'Gallstones', 'K80', '444 445 446', 'calculus gallbladder'],
  ['cholecystitis|gallbladder inflammation', 'Cholecystitis', 'K81 K800 K801 K804', '', 'cholecystitis'],
  ['appendicitis', 'Appendicitis', 'K35 K36 K37', '', 'appendicitis'],
  ['diverticulitis|diverticular disease|diverticulosis', 'Diverticular disease', 'K57', '391 392', 'diverticulitis; diverticular'],
  ['sbo|small bowel obstruction|bowel obstruction|intestinal obstruction', 'Bowel obstruction', 'K56', '388 389 390', 'intestinal obstruction; bowel obstruction'],
  ['cirrhosis|liver cirrhosis|esld|end stage liver disease', 'Cirrhosis of the liver', 'K703 K717 K74', '432 433 434', 'cirrhosis'],
  ['obesity|obese|morbid obesity|morbidly obese', 'Obesity', 'E66', '619 620 621', 'obesity'],
  ['breast cancer|breast ca|breast carcinoma', 'Breast cancer', 'C50', '', 'malignant neoplasm breast'],
  ['lung cancer|lung ca|nsclc|sclc|lung carcinoma', 'Lung cancer', 'C34', '', 'malignant neoplasm lung; malignant neoplasm bronchus'],
  ['prostate cancer|prostate ca|prostate carcinoma', 'Prostate cancer', 'C61', '', 'malignant neoplasm prostate'],
  ['colon cancer|colorectal cancer|crc|colon ca|rectal cancer', 'Colorectal cancer', 'C18 C19 C20', '', 'malignant neoplasm colon; malignant neoplasm rectum'],
  ['brain tumor|brain tumour|brain cancer', 'Brain tumor', 'C71 D32 D33 D43', '', 'neoplasm brain; neoplasm cerebral; neoplasm frontal lobe'],
  ['cataracts|cataract', 'Cataract', 'H25 H26', '', 'cataract'],
  ['aortic stenosis|aortic valve stenosis', 'Aortic stenosis', 'I350 I352 I060', '', 'aortic stenosis'],
  ['carotid stenosis|carotid artery disease|carotid disease', 'Carotid artery stenosis', 'I652', '', 'stenosis carotid artery'],
  ['heart block|chb|complete heart block|av block|atrioventricular block', 'Heart block', 'I44', '', 'atrioventricular block'],
  ['sss|sick sinus syndrome|sick sinus', 'Sick sinus syndrome', 'I495', '', 'sick sinus syndrome'],
  ['respiratory failure|resp failure|ards|hypoxic respiratory failure|ahrf', 'Respiratory failure', 'J96 J80', '189 207 208', 'respiratory failure'],
  ['osa|sleep apnea|obstructive sleep apnea', 'Sleep apnea', 'G4733 G473', '', 'sleep apnea'],
  ['asthma', 'Asthma', 'J45', '202 203', 'asthma'],
  ['anemia|anaemia', 'Anemia', 'D50 D51 D52 D53 D55 D56 D57 D58 D59 D60 D61 D62 D63 D64', '811 812', 'anemia'],
  ['cellulitis', 'Cellulitis', 'L03', '602 603', 'cellulitis'],
  ['meniscus tear|meniscal tear|torn meniscus|medial meniscus tear', 'Meniscus tear', 'M232 S832', '', 'tear meniscus'],
  ['rotator cuff tear|torn rotator cuff|rct', 'Rotator cuff tear', 'M751 S460', '', 'rotator cuff tear'],
  ['carpal tunnel syndrome|cts', 'Carpal tunnel syndrome', 'G560', '', 'carpal tunnel syndrome'],
  ['hallux valgus', 'Hallux valgus (bunion)', 'M201', '', 'hallux valgus'],
  ['fibroids|uterine fibroids|leiomyoma|myoma', 'Uterine fibroids', 'D25', '', 'leiomyoma uterus'],
  ['menorrhagia|heavy periods|heavy menstrual bleeding', 'Heavy menstrual bleeding', 'N920 N921', '', 'excessive menstruation'],
  ['colon polyps|colon polyp|polyps|colonic polyps', 'Colon polyps', 'K635 D12', '', 'polyp colon'],
  ['dementia|alzheimers|alzheimer', 'Dementia', 'F01 F02 F03 G30', '056 057', 'dementia; alzheimer'],
  ['pad|pvd|peripheral artery disease|peripheral arterial disease|peripheral vascular disease', 'Peripheral artery disease', 'I702 I739', '', 'atherosclerosis native arteries extremities; peripheral vascular disease'],
  ['tbi|traumatic brain injury|head injury', 'Traumatic brain injury', 'S06', '082 083 084 085 086 087', 'intracranial injury'],
  ['hld|hyperlipidemia|high cholesterol|dyslipidemia', 'Hyperlipidemia', 'E78', '', 'hyperlipidemia'],
  ['hypothyroidism|underactive thyroid', 'Hypothyroidism', 'E03', '', 'hypothyroidism'],
  ['chest pain', 'Chest pain', 'R07', '313', 'chest pain'],
  ['syncope|fainting', 'Syncope', 'R55', '312', 'syncope'],
];

export const CONDITION_ABBREVIATIONS: ConditionAbbreviation[] = TABLE.map(
  ([forms, meaning, prefixes, drgs, words]) => ({
    forms: forms.split('|'),
    meaning,
    prefixes: prefixes.split(' ').filter((code) => code.length > 0),
    drgs: drgs.split(' ').filter((code) => code.length > 0),
    words: words
      .split(';')
      .map((set) => tokens(set))
      .filter((set) => set.length > 0),
  }),
);

/** Forms that are English words too: they count only written in capitals ("PAD", "CAP", "RA", "PE", "AF"). */
const CAPITALS_ONLY = new Set(['pad', 'cap']);
/** "cataract surgery", "hip fracture repair", "kidney stone treatment" name a procedure, not the condition. */
const PROCEDURE_TAIL = new Set(
  'surgery surgeries procedure procedures operation operations repair repairs removal removals release treatment treatments replacement replacements fixation resection excision'.split(
    ' ',
  ),
);

const WORD = /[a-z0-9]+(?:'s)?/gi;

interface Token {
  word: string;
  written: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    word: match[0].toLowerCase().replace(/'s$/, ''),
    written: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const FORMS_BY_FIRST_WORD = (() => {
  const index = new Map<string, { entry: ConditionAbbreviation; words: string[] }[]>();
  for (const entry of CONDITION_ABBREVIATIONS) {
    for (const form of entry.forms) {
      const words = form
        .toLowerCase()
        .split(/[\s-]+/)
        .filter((word) => word.length > 0);
      const variants = form.includes('-') ? [words, [words.join('')]] : [words];
      for (const variant of variants) {
        const list = index.get(variant[0]!) ?? [];
        list.push({ entry, words: variant });
        index.set(variant[0]!, list);
      }
    }
  }
  for (const list of index.values()) list.sort((left, right) => right.words.length - left.words.length);
  return index;
})();

interface ConditionMention {
  entry: ConditionAbbreviation;
  text: string;
  start: number;
  end: number;
}

const sameWord = (typed: string, form: string) =>
  typed === form ||
  typed === `${form}s` ||
  typed === `${form}es` ||
  (form.endsWith('ic') && typed === `${form}s`);

/** The condition shorthand a text names, in text order, the longest form at each word. */
export function findConditionAbbreviations(text: string): ConditionMention[] {
  const found = tokenize(text);
  const mentions: ConditionMention[] = [];
  for (let index = 0; index < found.length; ) {
    const token = found[index]!;
    const candidates = [
      ...(FORMS_BY_FIRST_WORD.get(token.word) ?? []),
      ...(token.word.endsWith('s') ? (FORMS_BY_FIRST_WORD.get(token.word.slice(0, -1)) ?? []) : []),
    ].sort((left, right) => right.words.length - left.words.length);
    const match = candidates.find((form) =>
      form.words.every((word, offset) => {
        const typed = found[index + offset];
        return typed !== undefined && sameWord(typed.word, word);
      }),
    );
    const isWordToo = match && match.words.length === 1 && CAPITALS_ONLY.has(match.words[0]!);
    const after = match ? found[index + match.words.length]?.word : undefined;
    if (
      !match ||
      (isWordToo && token.written !== token.written.toUpperCase()) ||
      (after !== undefined && PROCEDURE_TAIL.has(after))
    ) {
      index++;
      continue;
    }
    const last = found[index + match.words.length - 1]!;
    mentions.push({
      entry: match.entry,
      text: text.slice(token.start, last.end),
      start: token.start,
      end: last.end,
    });
    index += match.words.length;
  }
  return mentions;
}

const stem = (word: string) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);
const matchCache = new WeakMap<Catalog, Map<ConditionAbbreviation, CatalogEntry[]>>();

function holdsWords(entry: CatalogEntry, sets: string[][]): boolean {
  const words = new Set(tokens(entry.name).map(stem));
  return sets.some((set) => set.every((word) => words.has(stem(word))));
}

/**
 * The organization's conditions a shorthand stands for (by ICD-10-CM prefix, else by the words of their names),
 * or when it has none of them, its DRGs for that condition. Empty when the organization has neither.
 */
export function conditionAbbreviationMatches(catalog: Catalog, entry: ConditionAbbreviation): CatalogEntry[] {
  let cache = matchCache.get(catalog);
  if (!cache) {
    cache = new Map();
    matchCache.set(catalog, cache);
  }
  const cached = cache.get(entry);
  if (cached) return cached;
  const conditions = catalog.entities.condition ?? [];
  let matches = conditions.filter((condition) =>
    entry.prefixes.some((prefix) => compactCode(condition.id).startsWith(prefix)),
  );
  if (matches.length === 0) matches = conditions.filter((condition) => holdsWords(condition, entry.words));
  if (matches.length === 0) {
    const drgs = catalog.entities.drg ?? [];
    const codes = new Set(entry.drgs);
    matches = drgs.filter((drg) => codes.has(drg.id.padStart(3, '0')) || codes.has(drg.id));
    if (matches.length === 0) matches = drgs.filter((drg) => holdsWords(drg, entry.words));
  }
  cache.set(entry, matches);
  return matches;
}

/** Every form, for the typo reader's vocabulary (a shorthand is never respelt as another word). */
export function conditionAbbreviationVocabulary(): string[] {
  return CONDITION_ABBREVIATIONS.flatMap((entry) => entry.forms);
}
