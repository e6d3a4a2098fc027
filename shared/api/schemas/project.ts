import { z } from 'zod';
import { Empty, FsPath, IsoTime, Nothing } from './common';

export const ProjectSummary = z.object({
  path: z.string(),
  /**
   * Random id of this project file (kept inside it). Asset ids restart at 1 in every
   * project, so asset URLs carry it to keep one project's cached images out of another.
   */
  uid: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  createdAt: IsoTime,
  assetCount: z.number().int(),
  imageCount: z.number().int(),
  audioCount: z.number().int(),
  /** Folder beside the project file for copied assets and caches. */
  dataDir: z.string(),
  isSample: z.boolean(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const RecentProject = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: IsoTime,
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const AppInfo = z.object({
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  platform: z.string(),
  /** Where new projects go unless the user picks another folder. */
  defaultProjectDir: z.string(),
  homeDir: z.string(),
  pathSeparator: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const DirEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['dir', 'file']),
  bytes: z.number().int().nullable(),
});
export type DirEntry = z.infer<typeof DirEntry>;

export const DirListing = z.object({
  dir: z.string(),
  parent: z.string().nullable(),
  entries: z.array(DirEntry),
});
export type DirListing = z.infer<typeof DirListing>;

export const projectChannels = {
  'app:info': { input: Empty, output: AppInfo },
  'project:create': {
    input: z
      .object({ path: FsPath, name: z.string().trim().min(1, 'name is empty').max(200) })
      .strict(),
    output: ProjectSummary,
  },
  'project:open': { input: z.object({ path: FsPath }).strict(), output: ProjectSummary },
  'project:openSample': { input: Empty, output: ProjectSummary },
  'project:current': { input: Empty, output: ProjectSummary.nullable() },
  'project:close': { input: Empty, output: Nothing },
  'project:recent': { input: Empty, output: z.array(RecentProject) },
  'project:forgetRecent': { input: z.object({ path: FsPath }).strict(), output: Nothing },
  'fs:list': {
    input: z.object({ dir: FsPath.optional(), showHidden: z.boolean().optional() }).strict(),
    output: DirListing,
  },
} as const;
