/** The QA scorecard's events: typed classes, `bubbles` + `composed`, in HTMLElementEventMap. */
import type { Schema } from '@cc-kit/spec';
import { CcEvent } from '../shared/events.js';

type Evaluation = Schema<'Evaluation'>;

/** Base of the scorecard's events: each carries the evaluation as the server now stores it. */
export class CcEvaluationEvent extends CcEvent {
  constructor(
    type: string,
    readonly evaluation: Evaluation,
  ) {
    super(type);
  }
}

/** `cc-evaluation-saved`: a draft's answers were saved (`event.evaluation`). */
export class CcEvaluationSavedEvent extends CcEvaluationEvent {
  static readonly type = 'cc-evaluation-saved';
  constructor(evaluation: Evaluation) {
    super(CcEvaluationSavedEvent.type, evaluation);
  }
}

/** `cc-evaluation-submitted`: the evaluator submitted the evaluation to the agent. */
export class CcEvaluationSubmittedEvent extends CcEvaluationEvent {
  static readonly type = 'cc-evaluation-submitted';
  constructor(evaluation: Evaluation) {
    super(CcEvaluationSubmittedEvent.type, evaluation);
  }
}

/** `cc-evaluation-acknowledged`: the evaluated agent acknowledged the evaluation. */
export class CcEvaluationAcknowledgedEvent extends CcEvaluationEvent {
  static readonly type = 'cc-evaluation-acknowledged';
  constructor(evaluation: Evaluation) {
    super(CcEvaluationAcknowledgedEvent.type, evaluation);
  }
}

/** `cc-dispute-submitted`: the agent disputed criteria; `event.evaluation.disputes.at(-1)` is it. */
export class CcDisputeSubmittedEvent extends CcEvaluationEvent {
  static readonly type = 'cc-dispute-submitted';
  constructor(evaluation: Evaluation) {
    super(CcDisputeSubmittedEvent.type, evaluation);
  }
}

/** `cc-dispute-resolved`: a reviewer accepted, partly accepted or rejected a dispute. */
export class CcDisputeResolvedEvent extends CcEvaluationEvent {
  static readonly type = 'cc-dispute-resolved';
  constructor(evaluation: Evaluation) {
    super(CcDisputeResolvedEvent.type, evaluation);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-evaluation-saved': CcEvaluationSavedEvent;
    'cc-evaluation-submitted': CcEvaluationSubmittedEvent;
    'cc-evaluation-acknowledged': CcEvaluationAcknowledgedEvent;
    'cc-dispute-submitted': CcDisputeSubmittedEvent;
    'cc-dispute-resolved': CcDisputeResolvedEvent;
  }
}
