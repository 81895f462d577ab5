import * as z from 'zod';
import { centralSystemAdapterSchema, centralSystemsSchema } from '../functions/shared/config';
import { ESP_SOURCES } from '../functions/shared/systems';

/** The systems a stage reaches through an adapter: every ESP source but the CIR, which is ours. */
export const CENTRAL_SYSTEMS = ESP_SOURCES.filter((system) => system !== 'CIR');

/**
 * A stage's central systems (context `centralSystems`, by stage): the adapter of each system and
 * its ESP time budget, and the Secrets Manager secret of the mutual TLS. For example, in cdk.json
 * or with `-c centralSystems='{"prod":{...}}'`:
 *
 *     { "prod": { "tlsSecretName": "eu-interop/prod/central-systems-tls",
 *                 "systems": { "SIS": { "adapter": "umf-https", "endpoint": "https://sis.example/umf/search",
 *                                       "timeoutMs": 1500, "budgetMs": 2000 }, ... } } }
 *
 * A system not named uses its reference table. The `prod` stage refuses to synthesise unless every
 * central system has its HTTPS adapter: in a real deployment the reference table is empty and every
 * search would answer "no hit".
 */
const stageSchema = z.strictObject({
  tlsSecretName: z.string().min(1).optional(),
  systems: z
    .partialRecord(
      z.enum(CENTRAL_SYSTEMS as [string, ...string[]]),
      z.looseObject({ budgetMs: z.number().int().min(1).max(30_000).optional() }),
    )
    .default({}),
});

export interface StageCentralSystems {
  /** Environment of the functions that reach the central systems (ESP). */
  environment: Record<string, string>;
  tlsSecretName?: string;
}

export function centralSystemsOfStage(stage: string, context: unknown): StageCentralSystems {
  const byStage = (context && typeof context === 'string' ? JSON.parse(context) : (context ?? {})) as Record<
    string,
    unknown
  >;
  const parsed = stageSchema.safeParse(byStage[stage] ?? {});
  if (!parsed.success) throw new Error(`context centralSystems.${stage}: ${parsed.error.message}`);
  const { tlsSecretName, systems } = parsed.data;
  const adapters = Object.fromEntries(
    Object.entries(systems).map(([system, entry]) => {
      const { budgetMs: _budget, ...adapter } = entry ?? {};
      const checked = centralSystemAdapterSchema.safeParse(adapter);
      if (!checked.success)
        throw new Error(`context centralSystems.${stage}.systems.${system}: ${checked.error.message}`);
      return [system, checked.data];
    }),
  );
  const onReference = CENTRAL_SYSTEMS.filter((system) => adapters[system]?.adapter !== 'umf-https');
  if (stage === 'prod' && onReference.length > 0)
    throw new Error(
      `the prod stage refuses the reference table for ${onReference.join(', ')}: give each its umf-https adapter in context centralSystems.prod`,
    );
  const usesHttps = Object.values(adapters).some((adapter) => adapter.adapter === 'umf-https');
  if (usesHttps && !tlsSecretName)
    throw new Error(`context centralSystems.${stage}: tlsSecretName is required with a umf-https adapter`);
  const budgets = Object.fromEntries(
    Object.entries(systems).flatMap(([system, entry]) => (entry?.budgetMs ? [[system, entry.budgetMs]] : [])),
  );
  return {
    environment: {
      CENTRAL_SYSTEMS: JSON.stringify(centralSystemsSchema.parse(adapters)),
      ...(Object.keys(budgets).length > 0 ? { ESP_SYSTEM_BUDGETS_MS: JSON.stringify(budgets) } : {}),
      ...(usesHttps && tlsSecretName ? { CENTRAL_SYSTEMS_TLS_SECRET: tlsSecretName } : {}),
    },
    tlsSecretName: usesHttps ? tlsSecretName : undefined,
  };
}
