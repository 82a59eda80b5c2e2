import type {
  DateWindow,
  DimensionFilter,
  EntityKind,
  EntityRef,
  Metric,
  Pivot,
  Resolution,
} from '../../cases/types';
import { takeCodes } from './codes';
import type { CodeNames } from './describe';
import { CLINICAL_KINDS, DIMENSION_KINDS, type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import { takeExclusions, takePercentileBand } from './filters';
import { type Piece, splitPieces } from './pieces';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';
import { takeMetric, takePivot, takePivotRemoval, takeView, type ViewWord } from './vocabulary';
import { takeWindow } from './windows';

/** Whatever an analytics or dashboard question said; absent parts are filled from defaults or the previous query. */
export interface AnalyticsParts {
  metric?: Metric;
  view?: ViewWord;
  pivot?: Pivot;
  dropsPivot: boolean;
  clearsEntity: boolean;
  window?: DateWindow;
  band?: [number, number];
  excludeConditions?: string[];
  entity?: EntityRef;
  dimensions: DimensionFilter[];
  isDashboard: boolean;
  lookup?: { text: string; kinds?: EntityKind[] };
  unknown: string[];
  resolutions: Resolution[];
  names: CodeNames;
}

const DASHBOARD =
  /\b(?:overview|summary|summari[sz]e|dashboard|key (?:figures|metrics|numbers|stats|indicators)|kpis?|stats|statistics|snapshot|at a glance|headline (?:figures|numbers)|how (?:are|is) (?:we|it|\w+) doing)\b/;
const LOOKUP =
  /^(?:what (?:is|are|does)|what's|whats|who is|define|explain|look ?up|find|search(?: for)?|which codes?|what codes?|(?:give me |tell me )?the codes? (?:for|of)|codes? for|list (?:the |all )?(?:codes|procedures|conditions|diagnoses|drgs))\b/;
const LOOKUP_KINDS: [RegExp, EntityKind][] = [
  [/\b(?:procedures?|surgeries|surgery|operations?|cpt|pcs|icd-10-pcs)\b/, 'procedure'],
  [/\b(?:conditions?|diagnos[ie]s|diseases?|icd-10-cm|icd-10|icd)\b/, 'condition'],
  [/\b(?:ms-)?drgs?\b/, 'drg'],
  [/\b(?:surgeons?|doctors?|physicians?)\b/, 'surgeon'],
  [/\b(?:payors?|payers?|insurers?)\b/, 'payor'],
  [/\b(?:providers?|facilit(?:y|ies)|hospitals?)\b/, 'provider'],
  [/\b(?:clients?|customers?)\b/, 'client'],
];

export function takeAnalyticsParts(remainder: Remainder, today: string, resolve: Resolve): AnalyticsParts {
  const parts: AnalyticsParts = {
    dropsPivot: takePivotRemoval(remainder),
    clearsEntity: remainder.take(/\b(?:all|every|any) (?:cases|procedures|conditions|patients)\b/) !== null,
    dimensions: [],
    isDashboard: false,
    unknown: [],
    resolutions: [],
    names: {},
  };
  const exact = takeExactName(remainder, resolve, CLINICAL_KINDS);
  const band = takePercentileBand(remainder);
  if (band) parts.band = band;
  const window = takeWindow(remainder, today);
  if (window) parts.window = window;
  if (window && takeWindow(remainder, today)) {
    refuse('I can answer for one window at a time, so ask about each window in turn to compare them.', [
      'average cost of knee replacement this year',
      'same for last year',
    ]);
  }
  const metric = takeMetric(remainder);
  if (metric) parts.metric = metric;
  const view = takeView(remainder);
  if (view) parts.view = view;
  const pivot = takePivot(remainder);
  if (pivot) parts.pivot = pivot;
  parts.isDashboard = remainder.take(DASHBOARD) !== null;
  if (
    remainder.test(LOOKUP) &&
    !metric &&
    !pivot &&
    !window &&
    !parts.isDashboard &&
    (!view || view === 'detail')
  ) {
    parts.lookup = exact ? { text: exact.text } : takeLookup(remainder);
    return parts;
  }
  const exclusions = takeExclusions(remainder, resolve);
  if (exclusions) {
    parts.excludeConditions = exclusions.codes;
    parts.resolutions.push(...exclusions.resolutions);
    for (const { best } of exclusions.resolutions) if (best) parts.names[best.id] = best.name;
  }
  resolveEntities(remainder, resolve, parts, exact);
  return parts;
}

function takeLookup(remainder: Remainder): { text: string; kinds?: EntityKind[] } {
  remainder.take(LOOKUP);
  const kinds = new Set<EntityKind>();
  for (const [pattern, kind] of LOOKUP_KINDS) if (remainder.takeAll(pattern).length > 0) kinds.add(kind);
  const code = takeCodes(remainder)[0];
  remainder.takeAll(/\b(?:codes?|names?|named|called|mean|means|stand for)\b/);
  if (code) {
    const [keyword = '', value = ''] = code.text.split(' ');
    return {
      text: value,
      kinds: [keyword === 'drg' ? 'drg' : keyword === 'icd' ? 'condition' : 'procedure'],
    };
  }
  const text = splitPieces(remainder.segments())
    .map((piece) => piece.text)
    .join(' ');
  if (!text)
    refuse('Tell me what to look up: a code or a few words of its name.', [
      'what is CPT 27447',
      'find knee procedures',
    ]);
  return kinds.size > 0 ? { text, kinds: [...kinds] } : { text };
}

function resolveEntities(
  remainder: Remainder,
  resolve: Resolve,
  parts: AnalyticsParts,
  exact: Piece | undefined,
): void {
  const choice: KindChoice = { clinical: CLINICAL_KINDS, dimensions: DIMENSION_KINDS };
  const pieces = [
    ...(exact ? [exact] : []),
    ...takeCodes(remainder),
    ...piecesOf(remainder.segments(), choice, resolve),
  ];
  const resolved = resolvePieces(pieces, choice, resolve);
  parts.unknown = resolved.unknown;
  parts.resolutions.push(...resolved.resolutions);
  for (const { match } of resolved.matches) {
    if (match.kind === 'procedure' || match.kind === 'condition' || match.kind === 'drg') {
      if (parts.entity && parts.entity.code !== match.id) {
        refuse(
          `I can look at one procedure, condition or DRG at a time, and this question names ${parts.entity.name} and ${match.name}.`,
          [`average cost of ${parts.entity.name}`, `and for ${match.name}?`],
        );
      }
      parts.entity = { domain: match.kind, code: match.id, name: match.name };
      parts.names[match.id] = match.name;
      continue;
    }
    const filter = parts.dimensions.find((item) => item.dimension === match.kind);
    if (!filter) parts.dimensions.push({ dimension: match.kind, values: [match.id] });
    else if (!filter.values.includes(match.id)) filter.values.push(match.id);
  }
}
