// A problem the user can act on: shown as its message alone (never a stack), with CONTRACT §3's exit
// status (2: bad input, usage, or a vault that cannot be opened).
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
