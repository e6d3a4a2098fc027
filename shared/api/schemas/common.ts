import { z } from 'zod';

export const Empty = z.object({}).strict();
export const Nothing = z.null();
export const Id = z.number().int().positive();
/** A path on the machine that runs the services (main process / `concord serve`). */
export const FsPath = z.string().min(1, 'path is empty').max(4096, 'path is too long');
export const IsoTime = z.string();
