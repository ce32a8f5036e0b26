// Undo/redo for chart actions. A command is recorded AFTER its action has been done (the chart performs
// the action itself, then hands over how to undo and redo it), so recording can never change the outcome.
export interface Command {
  /** What the analyst did, in words for the Undo/Redo tooltips: "Remove 3 entities". */
  label: string;
  undo(): void;
  redo(): void;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** Commands that can be undone. */
  depth: number;
}

export const DEFAULT_HISTORY_LIMIT = 200;

export class CommandStack {
  private readonly done: Command[] = [];
  private readonly undone: Command[] = [];
  private listener?: (state: HistoryState) => void;
  /** True while a command's undo/redo runs, so the chart's own change events record nothing. */
  private replaying = false;

  constructor(private readonly limit = DEFAULT_HISTORY_LIMIT) {}

  get isReplaying(): boolean {
    return this.replaying;
  }

  onChange(listener: ((state: HistoryState) => void) | undefined): void {
    this.listener = listener;
    listener?.(this.state());
  }

  record(command: Command): void {
    if (this.replaying) return;
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
    this.emit();
  }

  undo(): Command | undefined {
    const command = this.done.pop();
    if (!command) return undefined;
    this.replay(() => command.undo());
    this.undone.push(command);
    this.emit();
    return command;
  }

  redo(): Command | undefined {
    const command = this.undone.pop();
    if (!command) return undefined;
    this.replay(() => command.redo());
    this.done.push(command);
    this.emit();
    return command;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.emit();
  }

  state(): HistoryState {
    const last = this.done.at(-1);
    const next = this.undone.at(-1);
    return {
      canUndo: last !== undefined,
      canRedo: next !== undefined,
      ...(last ? { undoLabel: last.label } : {}),
      ...(next ? { redoLabel: next.label } : {}),
      depth: this.done.length,
    };
  }

  private replay(action: () => void): void {
    this.replaying = true;
    try {
      action();
    } finally {
      this.replaying = false;
    }
  }

  private emit(): void {
    this.listener?.(this.state());
  }
}
