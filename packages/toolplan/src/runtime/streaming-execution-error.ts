import { ToolplanError } from '../plan/index.js';

/**
 * A streaming execution could not go on: a step it started early is not the step the finished
 * plan has under that id (the model rewrote it, or the reply's text turned out to hold another
 * plan), or it was asked to finish in a state it cannot (already finished or cancelled). What it
 * started is cancelled first.
 */
export class StreamingExecutionError extends ToolplanError {
  /** The step that started early and changed, when that is the reason. */
  readonly stepId: string | undefined;
  /** The execution's state when it was asked to finish, when that is the reason. */
  readonly state: string | undefined;

  constructor(options: { stepId: string } | { state: string }) {
    super({
      name: 'StreamingExecutionError',
      message:
        'stepId' in options
          ? `Step \`${options.stepId}\` started early but the finished plan has a different step under that id.`
          : `A streaming execution that is ${options.state} cannot finish.`,
    });
    this.stepId = 'stepId' in options ? options.stepId : undefined;
    this.state = 'state' in options ? options.state : undefined;
  }
}
