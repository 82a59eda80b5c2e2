import * as z from 'zod/mini';
import { pageOf } from './pages';
import {
  AnalysisPlan,
  CASE_DIMENSIONS,
  CLINICAL_DIMENSIONS,
  LookupPlan,
  ORGANIZATION_DIMENSIONS,
  PredictionPlan,
  QueryPlan,
  SimulationPlan,
  TypicalCasePlan,
  WORKFLOWS,
} from './query-plan';

// The analysis agent's vocabulary (contract: "Analysis (the agent)"): one schema per stream event, shared by
// the server, which validates what it emits, and the SPA, which validates what it reads.

export const QUESTION_MAX_LENGTH = 2000;

export const AgentQueryRequest = z.object({
  question: z
    .string()
    // The length is counted as sent, before trimming, as the OpenAPI document states it.
    .check(
      z.maxLength(QUESTION_MAX_LENGTH, { error: `A question is at most ${QUESTION_MAX_LENGTH} characters.` }),
      z.trim(),
      z.minLength(1, { error: 'Ask a question.' }),
    ),
  conversation_id: z.optional(
    z.string().check(z.maxLength(64, { error: 'A conversation id is at most 64 characters.' })),
  ),
});
export type AgentQueryRequest = z.infer<typeof AgentQueryRequest>;

const STEP_KINDS = ['resolve', 'plan', 'query', 'compute', 'summarize'] as const;
export const COLUMN_TYPES = ['string', 'integer', 'number', 'currency', 'percent', 'date'] as const;
const CHART_KINDS = ['bar', 'line', 'histogram', 'interval'] as const;
/** What the resolver can name: the clinical and the organizational dimensions of the query plan. */
export const ENTITY_KINDS = [...CLINICAL_DIMENSIONS, ...ORGANIZATION_DIMENSIONS] as const;

export const TableColumn = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(COLUMN_TYPES),
  unit: z.optional(z.string()),
});
export type TableColumn = z.infer<typeof TableColumn>;

export const CellValue = z.union([z.string(), z.number(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

const EntityMatch = z.object({
  domain: z.enum(ENTITY_KINDS),
  id: z.string(),
  name: z.string(),
  score: z.number(),
});

const RunStarted = z.object({
  run_id: z.string(),
  conversation_id: z.string(),
  message_id: z.string(),
  question: z.string(),
});
const StepStarted = z.object({ step_id: z.string(), kind: z.enum(STEP_KINDS), label: z.string() });
const StepCompleted = z.object({
  step_id: z.string(),
  label: z.string(),
  detail: z.optional(z.string()),
  duration_ms: z.number(),
});
/**
 * Why a step ended without its result: the question or plan was refused, the run's deadline passed, the asker
 * stopped it, the answer stopped arriving (marked by the SPA), or something broke.
 */
export const STEP_FAILURES = ['refused', 'timeout', 'cancelled', 'interrupted', 'internal_error'] as const;
export type StepFailure = (typeof STEP_FAILURES)[number];
/** Why a run ended without its answer; `interrupted`: the server restarted while it ran. */
export const RUN_FAILURES = ['timeout', 'cancelled', 'interrupted', 'internal_error'] as const;

const StepFailed = z.object({
  step_id: z.string(),
  error: z.enum(STEP_FAILURES),
  message: z.string(),
});
const EntityResolved = z.object({
  text: z.string(),
  domain: z.enum(ENTITY_KINDS),
  id: z.string(),
  name: z.string(),
  score: z.number(),
  alternatives: z.array(EntityMatch),
});
export const QueryBlock = z.object({ block_id: z.string(), language: z.literal('sql'), text: z.string() });
export const TableBlock = z.object({
  block_id: z.string(),
  title: z.string(),
  columns: z.array(TableColumn),
  rows: z.array(z.record(z.string(), CellValue)),
  row_count: z.number(),
  truncated: z.boolean(),
});
export const ChartBlock = z.object({
  block_id: z.string(),
  title: z.string(),
  kind: z.enum(CHART_KINDS),
  table_block_id: z.string(),
  x: z.string(),
  y: z.array(z.string()),
});
/** The typed plan a question was read as, and the plan in words; `dates` are the admit dates it covered.
 *  `workflow` and `plan` together are an `AnalysisPlan` (checked), kept flat as the contract names them. */
const PlanBlockShape = z.object({
  block_id: z.string(),
  workflow: z.enum(WORKFLOWS),
  plan: z.union([QueryPlan, TypicalCasePlan, PredictionPlan, SimulationPlan, LookupPlan]),
  reading: z.string(),
  dates: z.optional(z.nullable(z.object({ from: z.string(), to: z.string() }))),
});
export const PlanBlock = PlanBlockShape.check(
  z.refine((block) => AnalysisPlan.safeParse({ workflow: block.workflow, plan: block.plan }).success, {
    error: 'The plan does not fit its workflow.',
  }),
);
const ClarifyOption = z.object({
  kind: z.enum(CASE_DIMENSIONS),
  id: z.string(),
  name: z.string(),
  cases: z.number(),
});
/** Two or more close matches for the same words: the run ends, and the SPA asks again with the chosen one. */
export const Clarify = z.object({
  text: z.string(),
  question: z.string(),
  options: z.array(ClarifyOption).check(z.minLength(2)),
});
const TextDelta = z.object({ delta: z.string() });
const Suggestions = z.object({ questions: z.array(z.string()) });
const RunCompleted = z.object({ run_id: z.string(), duration_ms: z.number() });
const RunFailed = z.object({ error: z.enum(RUN_FAILURES), message: z.string() });

export type TableBlock = z.infer<typeof TableBlock>;
export type ChartBlock = z.infer<typeof ChartBlock>;
export type QueryBlock = z.infer<typeof QueryBlock>;
export type PlanBlock = z.infer<typeof PlanBlock>;
export type Clarify = z.infer<typeof Clarify>;

/** Every event name with the schema of its data; the one place the vocabulary is written down. */
const AGENT_EVENTS = {
  'run.started': RunStarted,
  'step.started': StepStarted,
  'step.completed': StepCompleted,
  'step.failed': StepFailed,
  'entity.resolved': EntityResolved,
  plan: PlanBlock,
  clarify: Clarify,
  query: QueryBlock,
  table: TableBlock,
  chart: ChartBlock,
  'text.delta': TextDelta,
  suggestions: Suggestions,
  'run.completed': RunCompleted,
  'run.failed': RunFailed,
} as const;

type EventSchemas = typeof AGENT_EVENTS;
type AgentEventName = keyof EventSchemas;
type AgentEventData<N extends AgentEventName> = z.infer<EventSchemas[N]>;

/** An event as the stream numbers it: `id` is 1, 2, 3 … within its run. */
export type AgentEvent = {
  [N in AgentEventName]: { id: number; event: N; data: AgentEventData<N> };
}[AgentEventName];

/** The event without its number, as the run emits it before the log assigns one. */
export type AgentEventInput = {
  [N in AgentEventName]: { event: N; data: AgentEventData<N> };
}[AgentEventName];

const isAgentEventName = (name: string): name is AgentEventName => Object.hasOwn(AGENT_EVENTS, name);

export const isFinalEvent = (event: { event: string }) =>
  event.event === 'run.completed' || event.event === 'run.failed';

/** Reads one wire event; an unknown name or a malformed payload yields null, so a newer server cannot crash the page. */
export function parseAgentEvent(id: number, name: string, data: unknown): AgentEvent | null {
  if (!isAgentEventName(name)) return null;
  const parsed = (AGENT_EVENTS[name] as z.ZodMiniType).safeParse(data);
  return parsed.success ? ({ id, event: name, data: parsed.data } as AgentEvent) : null;
}

// ---- Messages and conversations -------------------------------------------------------------

export const StepBlock = z.object({
  type: z.literal('step'),
  step_id: z.string(),
  kind: z.enum(STEP_KINDS),
  label: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  detail: z.optional(z.string()),
  duration_ms: z.optional(z.number()),
  error: z.optional(z.enum(STEP_FAILURES)),
  message: z.optional(z.string()),
});
export type StepBlock = z.infer<typeof StepBlock>;

export const MessageBlock = z.discriminatedUnion('type', [
  StepBlock,
  z.extend(EntityResolved, { type: z.literal('entity') }),
  z.extend(PlanBlockShape, { type: z.literal('plan') }),
  z.extend(Clarify, { type: z.literal('clarify') }),
  z.extend(QueryBlock, { type: z.literal('query') }),
  z.extend(TableBlock, { type: z.literal('table') }),
  z.extend(ChartBlock, { type: z.literal('chart') }),
  z.extend(Suggestions, { type: z.literal('suggestions') }),
]);
export type MessageBlock = z.infer<typeof MessageBlock>;

const MESSAGE_STATUSES = ['running', 'complete', 'failed', 'cancelled'] as const;

export const Message = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  /** Markdown: the question for the user, the written answer for the assistant. */
  content: z.string(),
  blocks: z.array(MessageBlock),
  status: z.enum(MESSAGE_STATUSES),
  created_at: z.string(),
  run_id: z.optional(z.nullable(z.string())),
  error: z.optional(z.nullable(RunFailed)),
});
export type Message = z.infer<typeof Message>;
export type AssistantMessage = Message & { role: 'assistant' };

export const AgentQueryResponse = z.object({
  conversation_id: z.string(),
  run_id: z.string(),
  message: Message,
});
export type AgentQueryResponse = z.infer<typeof AgentQueryResponse>;

/** For EventSource, which cannot send headers: the same as the Last-Event-ID header (the header wins). */
export const RunEventsQuery = z.object({
  last_event_id: z.optional(
    z.string().check(z.regex(/^\d{1,9}$/, { error: 'must be the number of the last event received' })),
  ),
});

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationList = pageOf(ConversationSummary);
export type ConversationList = z.infer<typeof ConversationList>;

export const Conversation = z.extend(ConversationSummary, { messages: z.array(Message) });
export type Conversation = z.infer<typeof Conversation>;

export const AgentExamples = z.object({ questions: z.array(z.string()) });
export type AgentExamples = z.infer<typeof AgentExamples>;
