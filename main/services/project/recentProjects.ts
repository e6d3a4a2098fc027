import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../../shared/api/schemas/project';

const Stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
const MAX_RECENT = 12;

/** The recently-opened list, kept as a small JSON file in the app's data folder. */
export class RecentProjects {
  private readonly file: string;

  constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    return this.read().map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  }

  touch(projectPath: string, name: string): void {
    const rest = this.read().filter((r) => r.path !== projectPath);
    this.write(
      [{ path: projectPath, name, openedAt: new Date().toISOString() }, ...rest].slice(
        0,
        MAX_RECENT,
      ),
    );
  }

  forget(projectPath: string): void {
    this.write(this.read().filter((r) => r.path !== projectPath));
  }

  private read(): z.infer<typeof Stored> {
    try {
      const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return []; // missing or unreadable: an empty list is the honest answer
    }
  }

  private write(entries: z.infer<typeof Stored>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entries, null, 2));
    fs.renameSync(tmp, this.file); // atomic: a crash never leaves half a file
  }
}
