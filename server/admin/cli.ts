import { parseArgs } from 'node:util';
import { ORG_TYPES, ROLES } from '../../src/contract/auth';
import { createAccounts } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { FILE_OPTIONS, FILE_USAGE, fileCommand } from './file-commands';
import { createKeyCommand, KEY_OPTIONS, KEY_USAGE, keyListing, revokeKeyCommand } from './key-commands';
import { MAPPING_OPTIONS, MAPPING_USAGE, mappingCommand } from './mapping-commands';
import { readPassword } from './read-password';

const USAGE = `Operator commands (they use HP_DATA_DIR, also while the server runs):
  npm run admin -- org:create --name "Mercy General" --type hospital|provider|payor [--json]
  npm run admin -- user:create --org <org_id> --email a@b.example --name "A B" [--role analyst|admin] [--json]
      (the password comes from HP_PASSWORD or standard input)
${KEY_USAGE}
${MAPPING_USAGE}
${FILE_USAGE}
  npm run admin -- list [--json]`;

class UsageError extends Error {}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value.trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

async function run(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      type: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      ...KEY_OPTIONS,
      ...MAPPING_OPTIONS,
      ...FILE_OPTIONS,
      json: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  const accounts = createAccounts(db, () => new Date());
  const print = (json: object, text: string) => console.log(values.json ? JSON.stringify(json) : text);
  try {
    switch (command) {
      case 'org:create': {
        const org = accounts.createOrg(
          required(values, 'name'),
          oneOf(required(values, 'type'), ORG_TYPES, 'type'),
        );
        print(org, `Created organization ${org.name} (${org.type}): ${org.id}`);
        return;
      }
      case 'user:create': {
        const orgId = required(values, 'org');
        if (!accounts.getOrg(orgId))
          throw new UsageError(`There is no organization ${orgId}. See "npm run admin -- list".`);
        const email = required(values, 'email');
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          throw new UsageError(`"${email}" is not an email address.`);
        if (accounts.findLogin(email)) throw new UsageError(`A user with the email ${email} already exists.`);
        const password = await readPassword();
        if (password.length < 12) throw new UsageError('The password must be at least 12 characters long.');
        const user = accounts.createUser({
          orgId,
          email,
          name: required(values, 'name'),
          role: oneOf(values.role ?? 'analyst', ROLES, 'role'),
          passwordHash: await hashPassword(password),
        });
        print(user, `Created ${user.role} ${user.email} in ${user.organization.name}: ${user.id}`);
        return;
      }
      case 'key:create':
      case 'key:revoke': {
        const fail = (message: string): never => {
          throw new UsageError(message);
        };
        const output = (command === 'key:create' ? createKeyCommand : revokeKeyCommand)(db, values, fail);
        print(output.json, output.text);
        return;
      }
      case 'mapping:create':
      case 'mapping:list':
      case 'mapping:delete': {
        const output = mappingCommand(command, db, values, (message) => {
          throw new UsageError(message);
        });
        print(output.json, output.text);
        return;
      }
      case 'file:upload':
      case 'file:ingest': {
        const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
        const output = await fileCommand(command, db, values, {
          apiUrl: values.api ?? `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`,
          // The API's or the store's own words; the usage text would only bury them.
          fail: (message) => {
            throw new Error(message);
          },
        });
        print(output.json, output.text);
        return;
      }
      case 'list': {
        const orgs = accounts.listOrgs();
        const users = accounts.listUsers();
        const keys = keyListing(db);
        if (values.json) {
          console.log(JSON.stringify({ organizations: orgs, users, api_keys: keys.keys }));
          return;
        }
        for (const org of orgs) {
          console.log(`${org.id}  ${org.name} (${org.type})`);
          for (const user of users.filter((u) => u.organization.id === org.id)) {
            console.log(`    ${user.id}  ${user.email}  ${user.name}  ${user.role}`);
          }
          for (const line of keys.linesFor(org.id)) console.log(`    ${line}`);
        }
        return;
      }
      default:
        throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command.');
    }
  } finally {
    db.close();
  }
}

run(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
