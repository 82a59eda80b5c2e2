import { createInterface } from 'node:readline';

/** The password never comes from an argument (it would land in shell history and `ps`): HP_PASSWORD or stdin. */
export async function readPassword(): Promise<string> {
  if (process.env.HP_PASSWORD) return process.env.HP_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write('Password: ');
  // Typed characters are not echoed.
  (prompt as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => prompt.question('', resolve));
  prompt.close();
  process.stderr.write('\n');
  return password;
}
