import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/shared/config';

const required = { CIR_TABLE: 'c', LINKS_TABLE: 'l', AUDIT_TABLE: 'a', MID_CHECK_QUEUE_URL: 'q' };

describe('config loader', () => {
  it('defaults the sBMS shard settings and the ESP per-system settings', () => {
    const config = loadConfig(required);
    expect(config.SBMS_SHARD_FUNCTION).toBeUndefined();
    expect(config.SBMS_RESIDENT_SHARDS).toBe(1);
    expect(config.ESP_SYSTEM_BUDGETS_MS).toEqual({});
    expect(config.ESP_FAULTS).toEqual({});
  });

  it('reads them when set', () => {
    const config = loadConfig({
      ...required,
      SBMS_SHARD_FUNCTION: 'sbms-shard-{shard}',
      SBMS_RESIDENT_SHARDS: '3',
      ESP_SYSTEM_BUDGETS_MS: '{"EUROPOL":3000,"SIS":500}',
    });
    expect(config.SBMS_SHARD_FUNCTION).toBe('sbms-shard-{shard}');
    expect(config.SBMS_RESIDENT_SHARDS).toBe(3);
    expect(config.ESP_SYSTEM_BUDGETS_MS).toEqual({ EUROPOL: 3000, SIS: 500 });
  });

  it.each([
    ['SBMS_RESIDENT_SHARDS', '0'],
    ['SBMS_RESIDENT_SHARDS', 'two'],
    ['SBMS_SHARD_FUNCTION', ''],
    ['ESP_SYSTEM_BUDGETS_MS', '{"EUROPOL":0}'],
    ['ESP_SYSTEM_BUDGETS_MS', '[3000]'],
  ])('fails at load, naming %s, on %j', (variable, value) => {
    expect(() => loadConfig({ ...required, [variable]: value })).toThrow(new RegExp(`${variable}[.:]`));
  });
});
