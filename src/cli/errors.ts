/** A failure the user can fix: printed as is (Vietnamese), exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
