/** What is wrong with a file, in words its owner can act on; reported per file, never fatal. */
export class BadFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadFile';
  }
}

export function truncated(what: string, detail: string): BadFile {
  return new BadFile(
    `truncated ${what}: ${detail} (the file is incomplete or was cut off while copying)`,
  );
}

/** "cannot read the file: ..." for the usual errno codes. */
export function readErrorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    case 'ENOENT':
      return 'cannot read the file: it does not exist (moved, deleted, or a broken link)';
    case 'EISDIR':
      return 'cannot read the file: it is a folder';
    case 'ELOOP':
      return 'cannot read the file: too many levels of symbolic links';
    case 'EIO':
      return 'cannot read the file: input/output error (damaged disk or disconnected drive?)';
    default:
      return `cannot read the file: ${err.message ?? String(e)}`;
  }
}
