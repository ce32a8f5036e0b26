// Whether the database answers, shared by the audit log and the annotation service. Once a write found it
// unreachable, later writes go straight to the local journals instead of each waiting out the driver's
// retries (seconds per attempt); the periodic catch-up probes it cheaply and flips it back.
export class Reachability {
  private down = false;

  constructor(private readonly probe: () => Promise<void>) {}

  isDown(): boolean {
    return this.down;
  }

  markDown(): void {
    this.down = true;
  }

  markUp(): void {
    this.down = false;
  }

  /** Asks the database once (no retries); true when it answered. */
  async check(): Promise<boolean> {
    try {
      await this.probe();
      this.down = false;
    } catch {
      this.down = true;
    }
    return !this.down;
  }
}
