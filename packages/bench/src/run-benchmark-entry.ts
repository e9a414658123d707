/**
 * The entry of a benchmark script: bad arguments exit 2 with the usage, a failed run (a check
 * that caught a wrong result, or a crash) exits 1.
 */
export async function runBenchmarkEntry<Args>(options: {
  parse: (argv: string[]) => Args;
  main: (args: Args) => Promise<void>;
  usage: string;
}): Promise<void> {
  let args: Args;
  try {
    args = options.parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${options.usage}`);
    process.exit(2);
  }
  try {
    await options.main(args);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
