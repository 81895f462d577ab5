// `npm run token -- --role <role> --authority <id> [--member-state DE] [--profile <esp-profile>] [--system EES] [--user <id>]`
import { isRole, ROLES } from '../functions/shared/auth/roles';
import { isOriginSystem, ORIGIN_SYSTEMS } from '../functions/shared/systems';
import { localTokenIssuer } from './auth/tokens';
import { type CommandSpec, exitWithUsageError, parseCommandLineOrExit } from './cli';
import { LOCAL_DATA_DIR } from './paths';

const SPEC: CommandSpec = {
  command: 'npm run token --',
  summary:
    'Signs a bearer token for the local platform with the key under .local/keys/ (LOCAL_DATA_DIR) and prints it.',
  options: {
    role: { type: 'string', value: 'ROLE[,ROLE]', description: `one or more of: ${ROLES.join(', ')}` },
    authority: {
      type: 'string',
      value: 'ID',
      description: "the user's authority, e.g. DE-BPOL, EDPS, EES:DE",
    },
    'member-state': {
      type: 'string',
      value: 'CC',
      description: 'Member State',
      default: 'first two letters of --authority',
    },
    profile: {
      type: 'string',
      value: 'PROFILE',
      description: 'ESP profile, e.g. border-guard (docs/esp.md)',
    },
    system: {
      type: 'string',
      value: 'SYSTEM',
      description: `origin system for the origin-system role: ${ORIGIN_SYSTEMS.join('|')}`,
    },
    user: { type: 'string', value: 'ID', description: 'user id', default: '<role>-<authority>' },
  },
  notes: [
    'example: TOKEN=$(npm run -s token -- --role border-guard --authority DE-BPOL --profile border-guard)',
  ],
};

const { values: args } = parseCommandLineOrExit(SPEC);
const roles = (args.role ?? '').split(',').filter(Boolean);
const problems: string[] = [];
if (!roles.length) problems.push('--role is required');
for (const role of roles)
  if (!isRole(role)) problems.push(`unknown role "${role}" (roles: ${ROLES.join(', ')})`);
if (!args.authority) problems.push('--authority is required (e.g. DE-BPOL)');
if (roles.includes('origin-system') && !(args.system && isOriginSystem(args.system))) {
  problems.push(`--system ${ORIGIN_SYSTEMS.join('|')} is required for the origin-system role`);
}
if (problems.length) exitWithUsageError(SPEC, problems.join('\n'));
const issuer = await localTokenIssuer(`${LOCAL_DATA_DIR}/keys`);
const token = await issuer.sign({
  userId: args.user ?? `${roles[0]}-${args.authority}`.toLowerCase(),
  roles: roles.filter(isRole),
  authority: args.authority!,
  memberState: args['member-state'] ?? args.authority!.slice(0, 2).toUpperCase(),
  profile: args.profile,
  system: args.system,
});
process.stdout.write(`${token}\n`);
