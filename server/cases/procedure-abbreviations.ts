import { tokens } from './fuzzy';
import type { Catalog, CatalogEntry } from './types';

// Surgical shorthand as analysts and OR staff write it, each mapped to what it stands for: the procedure codes
// (CPT, or ICD-10-PCS where that is how the procedure is coded) and the words a procedure's name holds, for
// catalogs whose codes differ. An abbreviation matches only these; one whose procedure the organization does
// not have matches nothing at all (never a look-alike name: "TURBT" is not "TURP").

interface ProcedureAbbreviation {
  /** How it is written, lower case: a space allows a space or a hyphen, `-` optional space, `&` also "and",
   *  `/` a slash. */
  forms: string[];
  /** What it stands for, in words. */
  meaning: string;
  /** Codes that are this procedure. */
  codes: string[];
  /** Sets of words a catalog name must all hold (any one set), when none of the codes is in the catalog. */
  words: string[][];
  /** Words in a catalog name that make it another procedure (a revision, a partial one). */
  without: string[];
}

// forms | meaning | codes | word sets (;) | words that rule a name out
// biome-ignore format: one abbreviation per line reads as a table
const TABLE: [string, string, string, string, string?][] = [
  // Orthopedics: joints
  ['tka|tkr|total knee|tkas|tkrs', 'Total knee arthroplasty', '27447', 'total knee arthroplasty; total knee replacement; knee joint replacement', 'revision partial unicompartmental removal'],
  ['tha|thr|total hip|thas|thrs', 'Total hip arthroplasty', '27130', 'total hip arthroplasty; total hip replacement; hip joint replacement', 'revision partial hemiarthroplasty removal'],
  ['uka|ukr|uni knee|partial knee|pka', 'Unicompartmental (partial) knee arthroplasty', '27446', 'unicompartmental knee; partial knee arthroplasty'],
  ['revision tka|tka revision|revision tkr|rtka', 'Revision of total knee arthroplasty', '27486 27487', 'revision knee arthroplasty'],
  ['revision tha|tha revision|revision thr|rtha', 'Revision of total hip arthroplasty', '27134 27137 27138', 'revision hip arthroplasty'],
  ['tsa|total shoulder', 'Total shoulder arthroplasty', '23472', 'total shoulder arthroplasty; shoulder replacement', 'revision reverse'],
  ['rsa|rtsa|reverse shoulder|reverse tsa', 'Reverse total shoulder arthroplasty', '', 'reverse shoulder arthroplasty'],
  ['hip hemi|hemi hip|hip hemiarthroplasty|bipolar hip', 'Hip hemiarthroplasty', '27125 27236', 'hip hemiarthroplasty; femoral head prosthetic'],
  ['taa|tar|total ankle', 'Total ankle arthroplasty', '27702', 'ankle arthroplasty; ankle replacement'],
  ['total elbow', 'Total elbow arthroplasty', '24363', 'elbow arthroplasty'],
  // Orthopedics: fractures and trauma
  ['orif', 'Open reduction and internal fixation of a fracture', '', 'open treatment fracture internal fixation; open reduction internal fixation'],
  ['orif ankle|ankle orif|bimal orif|trimal orif', 'Open treatment of an ankle fracture', '27814 27822 27823 27792', 'open treatment ankle fracture; open treatment malleolus fracture; open treatment malleolar fracture'],
  ['orif wrist|drf orif|orif drf|orif distal radius', 'Open treatment of a distal radius fracture', '25607 25608 25609', 'open treatment distal radial fracture; open treatment radius fracture'],
  ['orif hip|hip orif', 'Open treatment of a hip fracture with plate and screws', '27244', 'open treatment intertrochanteric fracture plate'],
  ['imn|im nail|im nailing|cmn|cephalomedullary nail|gamma nail|tfn|pfna|hip nail|hip nailing', 'Intramedullary nailing of a hip fracture', '27245', 'intertrochanteric fracture intramedullary; intertrochanteric femoral fracture implant'],
  ['femur imn|femoral nail|femoral imn', 'Intramedullary nailing of a femoral shaft fracture', '27506', 'femoral shaft fracture intramedullary'],
  ['tibia imn|tibial nail|tibial imn', 'Intramedullary nailing of a tibial shaft fracture', '27759', 'tibial shaft fracture intramedullary'],
  ['crpp', 'Closed reduction and percutaneous pinning', '25606 26608 24538', 'percutaneous skeletal fixation; closed reduction percutaneous'],
  ['hip pinning|hip pin|pinning hip', 'Percutaneous fixation of a femoral neck fracture', '27235', 'percutaneous fixation femoral fracture'],
  ['i&d|i & d', 'Incision and drainage', '10060 10061 10140 10180 27301 23030', 'incision drainage'],
  ['bka', 'Below-knee amputation', '27880 27881', 'amputation leg tibia; below knee amputation'],
  ['aka amputation|above knee amputation', 'Above-knee amputation', '27590 27592', 'amputation thigh femur; above knee amputation'],
  ['tma', 'Transmetatarsal amputation', '28805', 'transmetatarsal amputation; amputation foot transmetatarsal'],
  ['mua', 'Manipulation under anesthesia', '27570 23700', 'manipulation anesthesia'],
  // Orthopedics: arthroscopy, hand, foot
  ['apm|knee scope|knee arthroscopy|scope knee|meniscectomy scope', 'Knee arthroscopy with meniscectomy', '29880 29881', 'arthroscopy knee meniscectomy; knee arthroscopy meniscectomy'],
  ['aclr|acl|acl reconstruction|acl recon', 'Arthroscopic ACL reconstruction', '29888', 'anterior cruciate ligament; acl reconstruction'],
  ['rcr|rtc repair|rotator cuff repair|cuff repair|arcr', 'Arthroscopic rotator cuff repair', '29827', 'rotator cuff repair'],
  ['subacromial decompression|acromioplasty', 'Arthroscopic subacromial decompression', '29826', 'subacromial decompression; acromioplasty'],
  ['slap repair', 'Arthroscopic SLAP (labral) repair', '29807', 'slap lesion; labral repair shoulder'],
  ['hip scope|hip arthroscopy|fai surgery', 'Hip arthroscopy', '29914 29915 29916', 'arthroscopy hip'],
  ['ctr|carpal tunnel release|ectr|octr', 'Carpal tunnel release', '64721 29848', 'carpal tunnel'],
  ['tfr|trigger finger release', 'Trigger finger release', '26055', 'tendon sheath incision; trigger finger'],
  ['chevron|austin bunionectomy|chevron bunionectomy|bunionectomy|bunion', 'Bunionectomy with distal metatarsal osteotomy', '28296 28292 28295 28297 28298 28299', 'bunionectomy; hallux valgus correction'],
  ['lapidus', 'Lapidus bunionectomy', '28297', 'lapidus'],
  ['ankle fusion|ankle arthrodesis', 'Ankle arthrodesis', '27870', 'arthrodesis ankle'],
  // Spine
  ['acdf', 'Anterior cervical discectomy and fusion', '22551 22552 22554', 'anterior cervical discectomy fusion; anterior cervical fusion; anterior interbody cervical arthrodesis'],
  ['pcdf|posterior cervical fusion', 'Posterior cervical fusion', '22600', 'posterior cervical fusion; posterior arthrodesis cervical'],
  ['cda|cervical disc arthroplasty|cervical disc replacement|c disc', 'Cervical disc arthroplasty', '22856', 'cervical disc arthroplasty; total disc arthroplasty cervical'],
  ['plf|psf|posterior lumbar fusion|lumbar fusion|pslf', 'Posterior lumbar spinal fusion', '22612', 'posterior lumbar fusion; posterolateral lumbar fusion; lumbar spinal fusion', 'interbody combined'],
  ['tlif|plif|lumbar interbody fusion|360 fusion', 'Lumbar interbody fusion', '22630 22633', 'lumbar interbody fusion; interbody arthrodesis lumbar'],
  ['alif|xlif|llif|olif|dlif', 'Anterior or lateral lumbar interbody fusion', '22558', 'anterior interbody lumbar; lateral interbody lumbar'],
  ['lami|lumbar lami|lumbar laminectomy|decompressive laminectomy', 'Lumbar laminectomy with decompression', '63047 63048 63005', 'lumbar laminectomy; laminectomy decompression'],
  ['mld|microdiscectomy|microdisc|micro discectomy|lumbar discectomy', 'Lumbar microdiscectomy', '63030', 'lumbar discectomy; hemilaminotomy disc; microdiscectomy'],
  ['kypho|kyphoplasty', 'Vertebral augmentation (kyphoplasty)', '22513 22514', 'kyphoplasty; vertebral augmentation'],
  ['vertebro|vertebroplasty', 'Percutaneous vertebroplasty', '22510 22511', 'vertebroplasty'],
  ['scs|spinal cord stim|spinal cord stimulator|dcs implant', 'Spinal cord stimulator implant', '63650 63685', 'spinal neurostimulator; spinal cord stimulator'],
  ['esi|lesi|cesi|epidural steroid injection|epidural injection', 'Epidural steroid injection', '62321 62323 64483', 'epidural injection; transforaminal epidural'],
  ['rfa spine|facet rfa|mbb rfa|rhizotomy', 'Facet radiofrequency ablation', '64633 64635', 'destruction paravertebral facet; facet joint radiofrequency'],
  ['si fusion|sij fusion|si joint fusion', 'Sacroiliac joint fusion', '27279', 'sacroiliac joint arthrodesis; sacroiliac fusion'],
  ['scoliosis fusion|psf scoliosis|spinal deformity fusion', 'Posterior spinal fusion for deformity', '22800 22802 22804', 'spinal deformity arthrodesis'],
  // Cardiac and vascular
  ['cabg|cabgx|cabg x1|cabg x2|cabg x3|cabg x4|bypass graft|heart bypass', 'Coronary artery bypass graft', '33533 33534 33535 33536 33510 33511 33512 33513', 'coronary artery bypass; coronary bypass graft'],
  ['opcab|off pump cabg', 'Off-pump coronary artery bypass', '33533', 'coronary artery bypass'],
  ['pci|ptca|des placement|coronary stent|heart stent|pci stent', 'Percutaneous coronary intervention (stent)', '92928 92929 92920 92933 92937 92943', 'percutaneous coronary stent; percutaneous transluminal coronary; coronary stent placement'],
  ['lhc|heart cath|cardiac cath|cath|cath lab case|coronary angiogram|coronary angio|lhc angio', 'Left heart catheterization with coronary angiography', '93458 93452 93454 93459', 'left heart catheterization; coronary angiography'],
  ['rhc|right heart cath', 'Right heart catheterization', '93451 93456', 'right heart catheterization'],
  ['tavr|tavi|transcatheter valve', 'Transcatheter aortic valve replacement', '33361 33362 33363 33364 33365 33366', 'transcatheter aortic valve'],
  ['savr|avr|aortic valve replacement|open avr', 'Surgical aortic valve replacement', '33405 33406 33410', 'surgical aortic valve replacement; aortic valve replacement', 'transcatheter'],
  ['mvr|mitral valve replacement', 'Mitral valve replacement', '33430', 'mitral valve replacement'],
  ['mv repair|mvr repair|mitral valve repair|mitral repair', 'Mitral valve repair', '33425 33426 33427', 'mitral valve repair; mitral valvuloplasty'],
  ['teer|mitraclip|tmvr', 'Transcatheter mitral valve repair', '33418', 'transcatheter mitral valve'],
  ['ppm|pacer|pacemaker implant|dual chamber pacemaker|dc ppm|ppm implant', 'Permanent pacemaker insertion', '33208 33206 33207', 'permanent pacemaker; pacemaker insertion', 'removal'],
  ['aicd|icd implant|icd placement|defibrillator implant', 'Implantable cardioverter-defibrillator insertion', '33249 33230 33231', 'cardioverter defibrillator'],
  ['crt|crt-d|crt-p|biv icd|biv pacer|biventricular pacemaker', 'Cardiac resynchronization therapy device', '33225', 'biventricular; cardiac resynchronization'],
  ['afib ablation|af ablation|a fib ablation|pvi|ep ablation|cardiac ablation', 'Catheter ablation for atrial fibrillation', '93656 93657', 'ablation atrial fibrillation; pulmonary vein isolation; intracardiac catheter ablation'],
  ['ep study', 'Electrophysiology study', '93619 93620', 'electrophysiologic evaluation; electrophysiology study'],
  ['ilr|loop recorder|implantable loop recorder', 'Implantable loop recorder insertion', '33285', 'cardiac monitor; loop recorder'],
  ['laao|watchman|laa occlusion', 'Left atrial appendage occlusion', '33340', 'left atrial appendage'],
  ['cea|carotid endarterectomy|carotid surgery', 'Carotid endarterectomy', '35301', 'carotid endarterectomy; thromboendarterectomy carotid'],
  ['cas|carotid stent|carotid stenting', 'Carotid artery stenting', '37215 37216', 'carotid stent'],
  ['evar', 'Endovascular abdominal aortic aneurysm repair', '34701 34702 34703 34704 34705 34706 34802 34803 34804', 'endovascular repair aorta; endovascular aneurysm repair; endovascular abdominal aorta'],
  ['tevar', 'Thoracic endovascular aortic repair', '33880 33881', 'endovascular repair descending thoracic aorta; thoracic endovascular'],
  ['aaa|aaa repair|open aaa|open aaa repair', 'Open abdominal aortic aneurysm repair', '35081 35082 35091 35102', 'abdominal aortic aneurysm; aneurysm abdominal aorta'],
  ['fem pop|fem-pop bypass|fem pop bypass|femoral popliteal bypass|fempop', 'Femoral-popliteal bypass', '35556 35656', 'femoral popliteal bypass; bypass femoral popliteal'],
  ['pta|peripheral angioplasty|fem pop angioplasty|sfa angioplasty', 'Peripheral transluminal angioplasty', '37224 37225 37226 37227', 'transluminal angioplasty femoral; femoral popliteal angioplasty'],
  ['avf|av fistula|fistula creation|dialysis fistula', 'Arteriovenous fistula creation', '36818 36819 36820 36821', 'arteriovenous anastomosis; arteriovenous fistula'],
  ['av graft|dialysis graft', 'Arteriovenous graft creation', '36830', 'arteriovenous graft'],
  ['ivc filter|ivcf', 'Inferior vena cava filter placement', '37191', 'vena cava filter; intravascular vena cava filter'],
  ['evla|vein ablation|rfa vein|varicose ablation', 'Endovenous ablation of varicose veins', '36475 36478', 'endovenous ablation'],
  // General surgery
  ['lap chole|lap choley|lap cholecystectomy|chole', 'Laparoscopic cholecystectomy', '47562 47563 47564', 'laparoscopic cholecystectomy', 'open'],
  ['open chole|open cholecystectomy', 'Open cholecystectomy', '47600 47605', 'cholecystectomy open', 'laparoscopic'],
  ['lap appy|lap appendectomy|laparoscopic appy', 'Laparoscopic appendectomy', '44970', 'laparoscopic appendectomy'],
  ['open appy|open appendectomy', 'Open appendectomy', '44950 44960', 'open appendectomy', 'laparoscopic'],
  ['appy|appys|appies', 'Appendectomy', '44970 44950 44960', 'appendectomy'],
  ['ihr|inguinal hernia|inguinal hernia repair|ih repair', 'Inguinal hernia repair', '49505 49507 49520 49650 49651', 'inguinal hernia repair'],
  ['lap ihr|lap inguinal hernia|tep|tapp|tep repair|tapp repair|lap hernia|lap hernia repair|robotic ihr', 'Laparoscopic inguinal hernia repair', '49650 49651', 'laparoscopic inguinal hernia', 'open'],
  ['open ihr|open inguinal hernia|lichtenstein|open hernia repair|open hernia', 'Open inguinal hernia repair', '49505 49507 49520', 'open inguinal hernia; inguinal hernia repair', 'laparoscopic'],
  ['vhr|ventral hernia|ventral hernia repair|incisional hernia repair|ihr ventral', 'Ventral (incisional) hernia repair', '49560 49561 49591 49592 49593 49594 49595 49596 49613 49614 49615 49616', 'ventral hernia; incisional hernia; anterior abdominal hernia'],
  ['uhr|umbilical hernia|umbilical hernia repair|umbi hernia', 'Umbilical hernia repair', '49585 49587', 'umbilical hernia'],
  ['lap colectomy|lap partial colectomy|lap sigmoid|lap sigmoidectomy|lap hemicolectomy|lap right hemi|robotic colectomy', 'Laparoscopic partial colectomy', '44204 44205 44206 44207 44208', 'laparoscopic colectomy; laparoscopic partial colectomy'],
  ['open colectomy|open hemicolectomy|open sigmoid|open sigmoidectomy', 'Open partial colectomy', '44140 44141 44143 44144 44145 44146 44160', 'colectomy open; partial colectomy', 'laparoscopic'],
  ['partial colectomy|hemicolectomy|right hemicolectomy|left hemicolectomy|sigmoid colectomy|sigmoidectomy', 'Partial colectomy', '44140 44141 44143 44144 44145 44146 44160 44204 44205 44206 44207 44208', 'colectomy'],
  ['lar|low anterior resection', 'Low anterior resection', '44145 44146 44207 44208', 'low anterior resection; colectomy coloproctostomy'],
  ['abdominoperineal resection', 'Abdominoperineal resection', '45110 45112 45395', 'abdominoperineal resection'],
  ['whipple|pancreaticoduodenectomy', 'Pancreaticoduodenectomy (Whipple)', '48150 48152 48153 48154', 'pancreaticoduodenectomy; whipple'],
  ['distal pancreatectomy', 'Distal pancreatectomy', '48140 48146', 'distal pancreatectomy'],
  ['nissen|lap nissen|fundoplication|lap fundoplication', 'Laparoscopic fundoplication', '43280', 'fundoplication; esophagogastric fundoplasty'],
  ['hiatal hernia repair|hhr|paraesophageal hernia repair|pehr', 'Paraesophageal hiatal hernia repair', '43281 43282', 'paraesophageal hernia; hiatal hernia'],
  ['rygb|lrygb|gastric bypass|roux en y|roux-en-y', 'Laparoscopic Roux-en-Y gastric bypass', '43644 43645 43846', 'roux en y gastric bypass; gastric bypass'],
  ['lsg|vsg|sleeve|sleeve gastrectomy|gastric sleeve|lap sleeve', 'Laparoscopic sleeve gastrectomy', '43775', 'sleeve gastrectomy'],
  ['lap band|lagb|gastric band', 'Laparoscopic adjustable gastric band', '43770', 'gastric restrictive adjustable; adjustable gastric band'],
  ['ex lap|exlap|exploratory laparotomy|expl lap', 'Exploratory laparotomy', '49000', 'exploratory laparotomy'],
  ['dx lap|diagnostic lap|diagnostic laparoscopy', 'Diagnostic laparoscopy', '49320', 'diagnostic laparoscopy; laparoscopy diagnostic'],
  ['sbr|small bowel resection|lap sbr', 'Small bowel resection', '44120 44121 44202', 'enterectomy small intestine; small bowel resection; resection small intestine'],
  ['ostomy reversal|colostomy reversal|colostomy takedown|hartmann reversal|loop ileostomy closure|ileostomy reversal', 'Ostomy closure (takedown)', '44620 44625 44626 44227', 'closure enterostomy; colostomy takedown; ostomy closure'],
  ['hemorrhoidectomy|hemorrhoid surgery', 'Hemorrhoidectomy', '46250 46255 46257 46258 46260 46261 46262', 'hemorrhoidectomy'],
  ['eua', 'Examination under anesthesia', '57410 92018', 'examination anesthesia'],
  ['total thyroid|total thyroidectomy', 'Total thyroidectomy', '60240 60252 60254 60271', 'total thyroidectomy', 'partial lobectomy'],
  ['hemithyroidectomy|hemi thyroidectomy|thyroid lobectomy|hemithyroid', 'Thyroid lobectomy', '60220 60225', 'thyroid lobectomy; hemithyroidectomy; partial thyroidectomy'],
  ['thyroidectomy|thyroid surgery', 'Thyroidectomy', '60240 60220 60225 60252 60254 60271', 'thyroidectomy; thyroid lobectomy'],
  ['parathyroidectomy|para thyroidectomy|ptx surgery', 'Parathyroidectomy', '60500 60502', 'parathyroidectomy'],
  ['lap adrenalectomy|adrenalectomy', 'Adrenalectomy', '60540 60650', 'adrenalectomy'],
  ['lap splenectomy|splenectomy', 'Splenectomy', '38100 38120', 'splenectomy'],
  ['peg|peg tube|g tube placement|gtube', 'Percutaneous endoscopic gastrostomy', '43246', 'percutaneous endoscopic gastrostomy; gastrostomy tube'],
  ['port placement|port a cath|portacath|mediport|port insertion', 'Implanted venous access port placement', '36561 36571', 'central venous access port; venous access device subcutaneous port'],
  ['cvc|central line|cvc placement|tlc placement', 'Central venous catheter placement', '36556 36555', 'central venous catheter'],
  ['lumpectomy|partial mastectomy|breast lumpectomy', 'Partial mastectomy (lumpectomy)', '19301 19302', 'partial mastectomy; lumpectomy'],
  ['simple mastectomy|total mastectomy|mastectomy|bilat mastectomy', 'Simple complete mastectomy', '19303', 'simple complete mastectomy; total mastectomy; simple mastectomy', 'partial radical'],
  ['mrm|modified radical mastectomy', 'Modified radical mastectomy', '19307', 'modified radical mastectomy'],
  ['slnb|sln biopsy|sentinel node biopsy|sentinel lymph node biopsy', 'Sentinel lymph node biopsy', '38525 38900', 'sentinel lymph node; sentinel node'],
  ['alnd|axillary dissection|axillary node dissection', 'Axillary lymph node dissection', '38745', 'axillary lymphadenectomy; axillary dissection'],
  ['breast reduction|reduction mammaplasty', 'Reduction mammaplasty', '19318', 'reduction mammaplasty'],
  ['breast aug|breast augmentation|augmentation mammaplasty', 'Augmentation mammaplasty', '19325', 'augmentation mammaplasty; breast prosthetic implant'],
  ['diep|diep flap', 'Breast reconstruction with a free flap (DIEP)', '19364', 'free flap breast reconstruction; breast reconstruction free flap'],
  ['te placement|tissue expander|tissue expander placement', 'Breast reconstruction with tissue expander', '19357', 'tissue expander breast'],
  ['stsg|split thickness skin graft|skin graft', 'Split-thickness skin graft', '15100 15101 15120', 'split thickness autograft; skin graft'],
  ['debridement|wound debridement|sharp debridement', 'Wound debridement', '11042 11043 11044 11045', 'debridement subcutaneous tissue; debridement muscle; wound debridement'],
  ['mohs|mohs surgery', 'Mohs micrographic surgery', '17311 17313', 'mohs micrographic'],
  ['bleph|blepharoplasty|upper bleph', 'Blepharoplasty', '15822 15823', 'blepharoplasty'],
  ['tummy tuck|abdominoplasty', 'Abdominoplasty', '15830 15847', 'abdominoplasty; panniculectomy'],
  ['rhinoplasty|nose job', 'Rhinoplasty', '30400 30410 30420', 'rhinoplasty'],
  // Endoscopy
  ['egd|upper endoscopy|upper gi endoscopy|upper scope|egd bx|egd biopsy|egd with biopsy', 'Upper GI endoscopy (EGD)', '43235 43239 43249 43248', 'upper gi endoscopy; esophagogastroduodenoscopy', 'ultrasound ultrasonography'],
  ['eus|endoscopic ultrasound', 'Endoscopic ultrasound', '43237 43238 43242 43259', 'endoscopic ultrasound; endoscopic ultrasonography'],
  ['ercp|ercp stent|ercp sphincterotomy', 'Endoscopic retrograde cholangiopancreatography', '43260 43261 43262 43264 43265 43274 43276', 'endoscopic retrograde cholangiopancreatography'],
  ['colo|colonoscopy|screening colonoscopy|dx colonoscopy|diagnostic colonoscopy|scope colon|colon scope', 'Colonoscopy', '45378 45380 45385 45384 45381', 'colonoscopy'],
  ['colonoscopy polypectomy|colonoscopy with polypectomy|colo polypectomy', 'Colonoscopy with polypectomy', '45385 45384', 'colonoscopy removal polyp; colonoscopy polypectomy'],
  ['flex sig|flexible sigmoidoscopy|sigmoidoscopy', 'Flexible sigmoidoscopy', '45330 45331 45333 45338', 'sigmoidoscopy'],
  ['bronch|bronchoscopy|flex bronch', 'Bronchoscopy', '31622 31624 31625 31628', 'bronchoscopy', 'ultrasound'],
  ['ebus|ebus tbna', 'Endobronchial ultrasound with needle aspiration', '31652 31653', 'endobronchial ultrasound'],
  ['cysto|cystoscopy|office cysto', 'Cystoscopy', '52000', 'cystourethroscopy; cystoscopy'],
  // Thoracic
  ['vats|vats lobectomy|vats lobe|thoracoscopic lobectomy|robotic lobectomy', 'Thoracoscopic lobectomy (VATS)', '32663', 'thoracoscopic lobectomy; thoracoscopy lobectomy; vats lobectomy'],
  ['lobectomy|lung lobectomy|open lobectomy', 'Lobectomy of the lung', '32480 32663', 'lung lobectomy; lobectomy lung; thoracoscopic lobectomy'],
  ['vats wedge|wedge resection|lung wedge', 'Thoracoscopic wedge resection of the lung', '32666 32505', 'wedge resection lung; thoracoscopy wedge'],
  ['chest tube|thoracostomy|tube thoracostomy', 'Tube thoracostomy', '32551', 'tube thoracostomy; chest tube'],
  ['thoracentesis|thora', 'Thoracentesis', '32554 32555', 'thoracentesis'],
  ['vats decortication|decortication|vats pleurodesis|pleurodesis', 'Thoracoscopic decortication or pleurodesis', '32651 32652 32650', 'decortication; pleurodesis'],
  ['esophagectomy|ivor lewis', 'Esophagectomy', '43107 43112 43117 43286 43287 43288', 'esophagectomy'],
  ['trach|tracheostomy|trach placement', 'Tracheostomy', '31600 31610', 'tracheostomy'],
  // Obstetrics and gynecology
  ['c/s|cs delivery|ltcs|pltcs|rltcs|repeat c-section|primary c-section|c section delivery|csection|c-sec|c sec', 'Cesarean delivery', '59510 59514 59515 59618 59620 59622', 'cesarean delivery; cesarean section'],
  ['svd|nsvd|vag delivery|vaginal delivery|spontaneous vaginal delivery', 'Vaginal delivery', '59400 59409 59410', 'vaginal delivery', 'cesarean'],
  ['vbac', 'Vaginal birth after cesarean', '59610 59612 59614', 'vaginal delivery after previous cesarean'],
  ['d&c|d & c|d and c|dilation and curettage|dilatation and curettage', 'Dilation and curettage', '58120 59812 59820 59160', 'dilation curettage; dilatation curettage; curettage uterus', 'without'],
  ['d&e|d & e|dilation and evacuation', 'Dilation and evacuation', '59841', 'dilation evacuation'],
  ['hsc|hysteroscopy|operative hysteroscopy|hysteroscopic myomectomy', 'Hysteroscopy', '58555 58558 58561 58563', 'hysteroscopy'],
  ['tah|tah bso|tah-bso|tah/bso|abdominal hysterectomy|open hysterectomy', 'Total abdominal hysterectomy', '58150 58152 58200', 'total abdominal hysterectomy; abdominal hysterectomy', 'laparoscopic vaginal'],
  ['tlh|tlh bso|tlh-bso|lap hysterectomy|laparoscopic hysterectomy|lap hyst|ralh|robotic hysterectomy|robotic hyst|davinci hysterectomy', 'Total laparoscopic hysterectomy', '58570 58571 58572 58573', 'laparoscopic total hysterectomy; total laparoscopic hysterectomy'],
  ['lavh', 'Laparoscopically assisted vaginal hysterectomy', '58550 58552 58553 58554', 'laparoscopic vaginal hysterectomy; laparoscopically assisted vaginal'],
  ['tvh|vaginal hysterectomy|vag hyst', 'Total vaginal hysterectomy', '58260 58262 58290', 'vaginal hysterectomy', 'laparoscopic'],
  ['lsh|supracervical hysterectomy|lap supracervical', 'Laparoscopic supracervical hysterectomy', '58541 58542 58543 58544', 'supracervical hysterectomy'],
  ['hyst|hysterectomy|hysterectomies', 'Hysterectomy', '58150 58152 58200 58260 58262 58290 58541 58542 58543 58544 58550 58552 58553 58554 58570 58571 58572 58573', 'hysterectomy'],
  ['bso|lap bso', 'Bilateral salpingo-oophorectomy', '58720 58661', 'salpingo oophorectomy; salpingectomy oophorectomy', 'hysterectomy'],
  ['oophorectomy|lap oophorectomy', 'Oophorectomy', '58940 58661', 'oophorectomy', 'hysterectomy'],
  ['ovarian cystectomy|lap cystectomy ovary', 'Ovarian cystectomy', '58925 58662', 'ovarian cystectomy; ovarian cyst'],
  ['btl|tubal ligation|tubal|tubals|bilateral tubal ligation', 'Tubal ligation', '58600 58605 58670 58671', 'tubal ligation; ligation fallopian tube; occlusion oviduct'],
  ['salpingectomy|bilateral salpingectomy', 'Salpingectomy', '58700 58661', 'salpingectomy', 'oophorectomy'],
  ['myomectomy|lap myomectomy|fibroid removal', 'Myomectomy', '58140 58145 58146 58545 58546', 'myomectomy'],
  ['leep|lletz', 'Loop electrosurgical excision of the cervix', '57460 57522', 'loop electrode excision; loop electrosurgical'],
  ['cone biopsy|cervical conization|cold knife cone|ckc', 'Cervical conization', '57520', 'conization cervix'],
  ['cerclage|cervical cerclage', 'Cervical cerclage', '59320 59325', 'cerclage'],
  ['endometrial ablation|novasure', 'Endometrial ablation', '58353 58563', 'endometrial ablation'],
  ['tvt|mus|midurethral sling|sling|tot sling', 'Midurethral sling', '57288', 'sling operation stress incontinence; urethral sling'],
  ['anterior repair|posterior repair|a&p repair|colporrhaphy', 'Colporrhaphy (prolapse repair)', '57240 57250 57260 57265', 'colporrhaphy'],
  ['sacrocolpopexy|lap sacrocolpopexy|lsc', 'Sacrocolpopexy', '57280 57425', 'colpopexy'],
  // Urology
  ['turp|tur prostate', 'Transurethral resection of the prostate', '52601 52630', 'transurethral resection prostate; transurethral electrosurgical resection prostate'],
  ['turbt|tur bladder tumor|tur bt', 'Transurethral resection of bladder tumor', '52234 52235 52240', 'bladder tumor resection; cystourethroscopy fulguration resection tumor'],
  ['holep|laser enucleation prostate', 'Holmium laser enucleation of the prostate', '52649', 'laser enucleation prostate'],
  ['pvp|greenlight|laser vaporization prostate', 'Laser vaporization of the prostate', '52648', 'laser vaporization prostate'],
  ['urolift', 'Prostatic urethral lift', '52441 52442', 'prostatic urethral lift; permanent adjustable transprostatic implant'],
  ['urs|ureteroscopy|urs laser|uretero|urs stent|ureteroscopy laser', 'Ureteroscopy with lithotripsy', '52352 52353 52356', 'ureteroscopy; cystourethroscopy ureteroscopy'],
  ['ureteral stent|stent placement ureter|jj stent|double j stent', 'Ureteral stent placement', '52332', 'indwelling ureteral stent'],
  ['pcnl|perc nephrolithotomy|percutaneous nephrolithotomy', 'Percutaneous nephrolithotomy', '50080 50081', 'percutaneous nephrostolithotomy; nephrolithotomy'],
  ['eswl|swl|shock wave lithotripsy|lithotripsy|litho', 'Extracorporeal shock wave lithotripsy', '50590', 'shock wave lithotripsy; extracorporeal lithotripsy'],
  ['ralp|rarp|robotic prostatectomy|lap prostatectomy|radical prostatectomy|lrp|prostatectomy', 'Radical prostatectomy', '55866 55840 55845', 'radical prostatectomy; laparoscopic prostatectomy', 'transurethral'],
  ['prostate biopsy|trus biopsy|trus bx', 'Prostate biopsy', '55700', 'biopsy prostate'],
  ['nephrectomy|lap nephrectomy|radical nephrectomy', 'Nephrectomy', '50220 50230 50545 50546', 'nephrectomy', 'partial'],
  ['partial nephrectomy|lap partial nephrectomy|robotic partial nephrectomy|rapn|lpn', 'Partial nephrectomy', '50240 50543', 'partial nephrectomy'],
  ['cystectomy|radical cystectomy', 'Radical cystectomy', '51570 51575 51590 51595', 'cystectomy', 'ovarian'],
  ['vasectomy', 'Vasectomy', '55250', 'vasectomy'],
  ['circ|circumcision', 'Circumcision', '54150 54160 54161', 'circumcision'],
  ['orchiectomy|orchi', 'Orchiectomy', '54520 54530', 'orchiectomy'],
  ['hydrocelectomy|hydrocele repair', 'Hydrocelectomy', '55040 55041', 'hydrocele'],
  ['ipp|penile prosthesis|penile implant', 'Inflatable penile prosthesis', '54405', 'penile prosthesis'],
  ['kidney transplant|renal transplant', 'Kidney transplant', '50360 50365', 'renal allotransplantation; kidney transplant'],
  ['olt|liver transplant', 'Liver transplant', '47135', 'liver allotransplantation; liver transplant'],
  // Eye
  ['phaco|phaco iol|ce iol|ceiol|ce/iol|cataract extraction|cataract surgery|ecce', 'Cataract removal with intraocular lens', '66984 66982 66983 66987 66988', 'cataract removal intraocular lens; extracapsular cataract; cataract extraction'],
  ['trab|trabeculectomy', 'Trabeculectomy', '66170 66172', 'trabeculectomy'],
  ['ppv|vitrectomy|pars plana vitrectomy', 'Pars plana vitrectomy', '67036 67039 67040 67041 67042 67043', 'vitrectomy'],
  ['yag|yag capsulotomy', 'YAG laser capsulotomy', '66821', 'discission secondary membranous cataract; laser capsulotomy'],
  ['dcr|dacryocystorhinostomy', 'Dacryocystorhinostomy', '68720', 'dacryocystorhinostomy'],
  ['strabismus surgery|strab', 'Strabismus surgery', '67311 67312 67314', 'strabismus'],
  // Ear, nose and throat
  ['t&a|t & a|t and a|tonsillectomy and adenoidectomy', 'Tonsillectomy and adenoidectomy', '42820 42821', 'tonsillectomy adenoidectomy'],
  ['tonsillectomy|tonsils|tonsil removal|tonsillectomies', 'Tonsillectomy', '42825 42826 42820 42821', 'tonsillectomy'],
  ['adenoidectomy|adenoids', 'Adenoidectomy', '42830 42835', 'adenoidectomy'],
  ['pe tubes|ear tubes|myringotomy tubes|tympanostomy tubes|bmt tubes|myringotomy', 'Myringotomy with tympanostomy tubes', '69433 69436', 'tympanostomy; myringotomy'],
  ['fess|ess|sinus surgery|endoscopic sinus surgery', 'Functional endoscopic sinus surgery', '31254 31255 31256 31267 31276 31287 31288', 'nasal sinus endoscopy; endoscopic sinus'],
  ['septoplasty|septo', 'Septoplasty', '30520', 'septoplasty'],
  ['tympanoplasty|tympano', 'Tympanoplasty', '69631 69633', 'tympanoplasty'],
  ['mastoidectomy', 'Mastoidectomy', '69502 69505 69511', 'mastoidectomy'],
  ['direct laryngoscopy|microlaryngoscopy|dlb', 'Direct laryngoscopy', '31525 31526 31535 31541', 'laryngoscopy direct'],
  // Neuro
  ['crani|craniotomy|crani for tumor|tumor crani|craniotomy for tumor|brain tumor resection', 'Craniotomy for excision of a brain tumor', '61510 61512 61518 61520 61521', 'craniotomy excision brain tumor; craniotomy tumor; craniectomy tumor'],
  ['vp shunt|vps|ventriculoperitoneal shunt|shunt placement', 'Ventriculoperitoneal shunt', '62223', 'ventriculo peritoneal; cerebrospinal fluid shunt'],
  ['evd|ventriculostomy', 'External ventricular drain placement', '61107 61210', 'ventricular catheter; ventriculostomy'],
  ['dbs|deep brain stimulation|dbs implant', 'Deep brain stimulator implant', '61863 61867', 'neurostimulator electrode intracranial; deep brain'],
  ['ulnar transposition|ulnar nerve transposition|cubital tunnel release', 'Ulnar nerve transposition', '64718', 'ulnar nerve'],
  // Critical care and bedside
  ['mech vent|mechanical vent|prolonged vent|vent 96|vent >96|vent over 96 hours|prolonged mechanical ventilation', 'Respiratory ventilation over 96 consecutive hours', '5A1955Z', 'ventilation greater 96'],
  ['lvp|paracentesis|para tap|abdominal tap', 'Paracentesis', '0W9G3ZZ 0W9G30Z 49082 49083', 'paracentesis; drainage peritoneal cavity'],
  ['ecmo', 'Extracorporeal membrane oxygenation', '5A1522F 5A1522G 5A1522H 33946 33947', 'extracorporeal membrane oxygenation; extracorporeal oxygenation'],
  ['intubation|ett placement|et tube', 'Endotracheal intubation', '31500 0BH17EZ', 'endotracheal intubation; insertion endotracheal'],
  ['lumbar puncture|spinal tap', 'Lumbar puncture', '62270 009U3ZX', 'spinal puncture lumbar; lumbar puncture'],
  ['bmbx|bone marrow biopsy', 'Bone marrow biopsy', '38221 38222', 'bone marrow biopsy'],
];

export const PROCEDURE_ABBREVIATIONS: readonly ProcedureAbbreviation[] = TABLE.map(
  ([forms, meaning, codes, words, without]) => ({
    forms: forms.split('|'),
    meaning,
    codes: codes.split(' ').filter(Boolean),
    words: words.split(';').map((set) => set.trim().split(' ').filter(Boolean)),
    without: (without ?? '').split(' ').filter(Boolean),
  }),
);

/** Every form and every word of every meaning, for the typo reader's vocabulary. */
export function abbreviationVocabulary(): string[] {
  return PROCEDURE_ABBREVIATIONS.flatMap((entry) => [...entry.forms, entry.meaning]);
}

// Shorthand is found by words, not by one pattern per form: hundreds of patterns cost seconds to compile and
// milliseconds to run on every name the parser resolves. A text's words are letter-and-digit runs plus the marks
// that matter inside shorthand (& / >); "and" is "&", and a hyphen joins or separates as the writer pleases.
const TOKEN = /[\p{L}\p{N}]+|[&/>]/gu;
const GENERIC_TAIL = new Set([
  'surgery',
  'surgeries',
  'procedure',
  'procedures',
  'operation',
  'operations',
  'case',
  'cases',
  'repair',
  'repairs',
]);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.toLowerCase().matchAll(TOKEN)].map((match) => ({
    word: match[0] === 'and' ? '&' : match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

interface FormWords {
  entry: ProcedureAbbreviation;
  words: string[];
}

/** Every form's words, under its first word, longest first ("tah bso" before "tah"); a hyphenated form is also
 *  indexed written as one word ("tahbso", "csection"). */
const FORMS_BY_FIRST_WORD = (() => {
  const index = new Map<string, FormWords[]>();
  const add = (entry: ProcedureAbbreviation, words: string[]) => {
    if (words.length === 0) return;
    const list = index.get(words[0]!) ?? [];
    list.push({ entry, words });
    index.set(words[0]!, list);
  };
  for (const entry of PROCEDURE_ABBREVIATIONS) {
    for (const form of entry.forms) {
      add(
        entry,
        tokenize(form).map((token) => token.word),
      );
      if (form.includes('-'))
        add(
          entry,
          tokenize(form.replace(/-/g, '')).map((token) => token.word),
        );
    }
  }
  for (const list of index.values()) list.sort((left, right) => right.words.length - left.words.length);
  return index;
})();

interface AbbreviationMention {
  entry: ProcedureAbbreviation;
  /** The words as written. */
  text: string;
  start: number;
  end: number;
}

/** The abbreviations a text names, in text order: at each word the longest form that starts there, with a
 *  trailing "surgery", "repair", "cases" … taken along. */
export function findAbbreviations(text: string): AbbreviationMention[] {
  const tokens = tokenize(text);
  const mentions: AbbreviationMention[] = [];
  for (let index = 0; index < tokens.length; ) {
    const found = (FORMS_BY_FIRST_WORD.get(tokens[index]!.word) ?? []).find((form) =>
      form.words.every((word, offset) => tokens[index + offset]?.word === word),
    );
    if (!found) {
      index++;
      continue;
    }
    let last = index + found.words.length - 1;
    if (GENERIC_TAIL.has(tokens[last + 1]?.word ?? '')) last++;
    const start = tokens[index]!.start;
    const end = tokens[last]!.end;
    mentions.push({ entry: found.entry, text: text.slice(start, end), start, end });
    index = last + 1;
  }
  return mentions;
}

/** Light plural folding so "fractures" holds "fracture". */
const stem = (word: string) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);

interface ProcedureWords {
  procedure: CatalogEntry;
  stems: Set<string>;
  /** The name's words between spaces, to find a form spelt inside it. */
  spaced: string;
}

const procedureWordCache = new WeakMap<Catalog, ProcedureWords[]>();

function procedureWords(catalog: Catalog): ProcedureWords[] {
  let words = procedureWordCache.get(catalog);
  if (!words) {
    words = catalog.entities.procedure.map((procedure) => {
      const nameTokens = tokens(procedure.name);
      return { procedure, stems: new Set(nameTokens.map(stem)), spaced: ` ${nameTokens.join(' ')} ` };
    });
    procedureWordCache.set(catalog, words);
  }
  return words;
}

const matchCache = new WeakMap<Catalog, Map<ProcedureAbbreviation, CatalogEntry[]>>();

/**
 * The organization's procedures an abbreviation stands for: those with one of its codes, or else those whose
 * name holds one of its word sets or spells the shorthand itself (and none of its ruling-out words). Empty when
 * the organization does not have the procedure.
 */
export function abbreviationMatches(catalog: Catalog, entry: ProcedureAbbreviation): CatalogEntry[] {
  let cache = matchCache.get(catalog);
  if (!cache) {
    cache = new Map();
    matchCache.set(catalog, cache);
  }
  const cached = cache.get(entry);
  if (cached) return cached;
  const codes = new Set(entry.codes.map((code) => code.toUpperCase()));
  let matches = catalog.entities.procedure.filter((procedure) => codes.has(procedure.id.toUpperCase()));
  if (matches.length === 0) {
    // A name that spells the shorthand itself ("Thoracoscopic lobectomy (VATS)", an upload naming "TKA") is it too.
    const forms = entry.forms.map((form) => tokens(form).join(' ')).filter((form) => form.length >= 3);
    matches = procedureWords(catalog)
      .filter(({ stems, spaced }) => {
        if (entry.without.some((word) => stems.has(stem(word)))) return false;
        return (
          entry.words.some((set) => set.every((word) => stems.has(stem(word)))) ||
          forms.some((form) => spaced.includes(` ${form} `))
        );
      })
      .map(({ procedure }) => procedure);
  }
  cache.set(entry, matches);
  return matches;
}
