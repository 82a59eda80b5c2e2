import type { AgentEvent, AssistantMessage, MessageBlock, StepBlock } from './agent';

// How a run's events fold into the assistant message. The server stores the message built this way and the
// SPA builds the live one with the same function, so a reopened conversation looks exactly like the stream.

export function emptyAssistantMessage(
  id: string,
  createdAt: string,
  runId: string | null = null,
): AssistantMessage {
  return {
    id,
    role: 'assistant',
    content: '',
    blocks: [],
    status: 'running',
    created_at: createdAt,
    run_id: runId,
    error: null,
  };
}

function updateStep(
  blocks: MessageBlock[],
  stepId: string,
  change: (step: StepBlock) => StepBlock,
): MessageBlock[] {
  return blocks.map((block) => (block.type === 'step' && block.step_id === stepId ? change(block) : block));
}

/** Returns a new message with the event applied; events before `run.started` or after the end change nothing. */
export function applyAgentEvent(message: AssistantMessage, event: AgentEvent): AssistantMessage {
  switch (event.event) {
    case 'run.started':
      return { ...message, id: event.data.message_id, run_id: event.data.run_id };
    case 'step.started':
      return { ...message, blocks: [...message.blocks, { type: 'step', status: 'running', ...event.data }] };
    case 'step.completed': {
      const { step_id, ...done } = event.data;
      return {
        ...message,
        blocks: updateStep(message.blocks, step_id, (step) => ({ ...step, ...done, status: 'done' })),
      };
    }
    case 'step.failed': {
      const { step_id, ...failed } = event.data;
      return {
        ...message,
        blocks: updateStep(message.blocks, step_id, (step) => ({ ...step, ...failed, status: 'failed' })),
      };
    }
    case 'entity.resolved':
      return { ...message, blocks: [...message.blocks, { type: 'entity', ...event.data }] };
    case 'plan':
      return { ...message, blocks: [...message.blocks, { type: 'plan', ...event.data }] };
    case 'clarify':
      return { ...message, blocks: [...message.blocks, { type: 'clarify', ...event.data }] };
    case 'query':
      return { ...message, blocks: [...message.blocks, { type: 'query', ...event.data }] };
    case 'table':
      return { ...message, blocks: [...message.blocks, { type: 'table', ...event.data }] };
    case 'chart':
      return { ...message, blocks: [...message.blocks, { type: 'chart', ...event.data }] };
    case 'suggestions':
      return { ...message, blocks: [...message.blocks, { type: 'suggestions', ...event.data }] };
    case 'text.delta':
      return { ...message, content: message.content + event.data.delta };
    case 'run.completed':
      return { ...message, status: 'complete' };
    case 'run.failed':
      return {
        ...message,
        status: event.data.error === 'cancelled' ? 'cancelled' : 'failed',
        error: { error: event.data.error, message: event.data.message },
      };
  }
}

export const foldAgentEvents = (message: AssistantMessage, events: readonly AgentEvent[]) =>
  events.reduce(applyAgentEvent, message);
