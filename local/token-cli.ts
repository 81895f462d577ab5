// `npm run token -- --role <role> --authority <id> [--member-state DE] [--profile <esp-profile>] [--system EES] [--user <id>]`
import { parseArgs } from '../bench/args';
import { isRole, ROLES } from '../functions/shared/auth/roles';
import { isOriginSystem } from '../functions/shared/systems';
import { localTokenIssuer } from './auth/tokens';
import { LOCAL_DATA_DIR } from './paths';

const args = parseArgs(process.argv.slice(2));
const roles = (args.role ?? '').split(',').filter(Boolean);
const problems: string[] = [];
if (!roles.length) problems.push('--role is required');
for (const role of roles)
  if (!isRole(role)) problems.push(`unknown role "${role}" (roles: ${ROLES.join(', ')})`);
if (!args.authority) problems.push('--authority is required (e.g. DE-BPOL)');
if (roles.includes('origin-system') && !(args.system && isOriginSystem(args.system))) {
  problems.push('--system EES|VIS|ETIAS|EURODAC|SIS|ECRIS_TCN is required for the origin-system role');
}
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(2);
}
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
