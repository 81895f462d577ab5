import { defineConfig } from 'vitest/config';

// Lambda runs Node 22; the SDK's notice about Node 20 on this machine is noise in test output
// (set here for the global setups, which run in this process, and below for the test workers).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const onLocalStack = process.env.TARGET === 'localstack';

// One project per test layer (ARCHITECTURE.md): `npm test` runs them all, `npm run test:<layer>` one.
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'integration',
          // TARGET=localstack runs the tests of the stacks deployed by `npm run deploy:localstack` instead.
          ...(onLocalStack
            ? { include: ['test/integration/localstack/**/*.test.ts'] }
            : {
                include: ['test/integration/**/*.test.ts'],
                exclude: ['test/integration/localstack/**'],
                globalSetup: ['test/integration/global-setup.ts'],
              }),
          testTimeout: 120_000,
          hookTimeout: 120_000,
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
