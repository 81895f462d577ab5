import * as z from 'zod';
import { ESP_SOURCES, type EspSource } from '../../shared/systems';
import { QUERY_FIELDS } from '../domain/query';
import { RETURNABLE_FIELDS } from '../domain/source-records';

/**
 * An ESP profile (Art 9(2)): for one user category and its purposes, the query fields it may use,
 * the systems it queries and, per system, the fields that may come back. `reply: "flags"` returns
 * only hit / no hit per system (Art 22 step 1), so its systems list no fields.
 */
const systemAccessSchema = z.strictObject({ fields: z.array(z.string()).default([]) });

export const profileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    userCategory: z.string().min(1),
    description: z.string().min(1),
    legalBasis: z.string().min(1),
    purposes: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1),
    reply: z.enum(['records', 'flags']),
    queryFields: z.array(z.enum(QUERY_FIELDS)).min(1),
    systems: z.partialRecord(z.enum(ESP_SOURCES), systemAccessSchema),
  })
  .superRefine((profile, ctx) => {
    const systems = Object.entries(profile.systems) as [EspSource, { fields: string[] }][];
    if (systems.length === 0)
      ctx.addIssue({ code: 'custom', message: 'a profile queries at least one system' });
    for (const [system, access] of systems) {
      const path = ['systems', system, 'fields'];
      if (profile.reply === 'flags' && access.fields.length > 0)
        ctx.addIssue({ code: 'custom', path, message: 'a flags-only profile returns no fields' });
      if (profile.reply === 'records' && access.fields.length === 0)
        ctx.addIssue({ code: 'custom', path, message: 'list the fields that may come back' });
      for (const field of access.fields.filter((f) => !RETURNABLE_FIELDS[system].includes(f)))
        ctx.addIssue({ code: 'custom', path, message: `${system} has no returnable field "${field}"` });
    }
  });

export const profileFileSchema = z
  .strictObject({
    version: z.string().min(1),
    profiles: z.array(profileSchema).min(1),
  })
  .refine((file) => new Set(file.profiles.map((p) => p.id)).size === file.profiles.length, {
    message: 'profile ids must be unique',
  });

export type Profile = z.output<typeof profileSchema>;
export type ProfileFile = z.output<typeof profileFileSchema>;
