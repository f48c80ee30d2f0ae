/** A `ccm` sub-command: one module in data-loaders/commands/ exporting `command`. */
export interface Command {
  name: string;
  /** One line: the command and its options, e.g. "pipeline [--db FILE]". */
  usage: string;
  summary: string;
  run(args: string[]): Promise<number | void>;
}
