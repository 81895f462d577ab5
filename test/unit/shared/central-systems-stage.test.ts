import { describe, expect, it } from 'vitest';
import { centralSystemsOfStage, CENTRAL_SYSTEMS as SYSTEMS } from '../../../lib/central-systems';

const https = (system: string) => ({
  adapter: 'umf-https',
  endpoint: `https://${system.toLowerCase()}.central.example/umf/search`,
  timeoutMs: 1500,
  budgetMs: 2000,
});

describe("a stage's central systems (context centralSystems)", () => {
  it('leaves every system on its reference table when the stage names none', () => {
    expect(centralSystemsOfStage('dev', undefined)).toEqual({
      environment: { CENTRAL_SYSTEMS: '{}' },
      tlsSecretName: undefined,
    });
  });

  it('refuses to build the prod stage with a reference table, naming the systems', () => {
    expect(() => centralSystemsOfStage('prod', undefined)).toThrow(
      /prod stage refuses the reference table for SIS, EES/,
    );
    const allButEurodac = Object.fromEntries(
      SYSTEMS.filter((s) => s !== 'EURODAC').map((s) => [s, https(s)]),
    );
    expect(() =>
      centralSystemsOfStage('prod', { prod: { tlsSecretName: 'tls', systems: allButEurodac } }),
    ).toThrow(/reference table for EURODAC:/);
  });

  it('gives the ESP each endpoint, timeout and budget, and the TLS secret', () => {
    const systems = Object.fromEntries(SYSTEMS.map((s) => [s, https(s)]));
    const stage = centralSystemsOfStage(
      'prod',
      JSON.stringify({ prod: { tlsSecretName: 'eu-interop/tls', systems } }),
    );
    expect(stage.tlsSecretName).toBe('eu-interop/tls');
    expect(stage.environment.CENTRAL_SYSTEMS_TLS_SECRET).toBe('eu-interop/tls');
    expect(JSON.parse(stage.environment.CENTRAL_SYSTEMS!).SIS).toEqual({
      adapter: 'umf-https',
      endpoint: 'https://sis.central.example/umf/search',
      timeoutMs: 1500,
    });
    expect(JSON.parse(stage.environment.ESP_SYSTEM_BUDGETS_MS!).VIS).toBe(2000);
  });

  it('refuses an HTTPS adapter without a secret, a plain-HTTP endpoint, or an unknown system', () => {
    expect(() => centralSystemsOfStage('dev', { dev: { systems: { SIS: https('SIS') } } })).toThrow(
      /tlsSecretName/,
    );
    expect(() =>
      centralSystemsOfStage('dev', {
        dev: { tlsSecretName: 't', systems: { SIS: { ...https('SIS'), endpoint: 'http://sis.example/' } } },
      }),
    ).toThrow(/SIS/);
    expect(() =>
      centralSystemsOfStage('dev', { dev: { systems: { CIR: { adapter: 'reference' } } } }),
    ).toThrow(/CIR/);
  });
});
