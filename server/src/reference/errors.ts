/** A reference data file is missing or wrong; the message names the file (and the line). */
export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file} line ${line}: ${problem}`);
  }
}
