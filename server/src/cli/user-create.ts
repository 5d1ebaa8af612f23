/**
 * `pnpm user:create --email a@b.nl --name "Ada" --role ADMIN [--municipality GM0363] [--organisation slug] [--password-stdin]`
 *
 * Creates a user with one role. Without --password-stdin a random password is generated and
 * printed once. Uses DATABASE_URL or the embedded PostgreSQL, like the server.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource, poolOf } from '../data-source.js';
import { startDatabase } from '../database.js';
import { createLogger } from '../logger.js';
import { writeAudit } from '../audit/audit.js';
import { randomSecret } from '../identity/crypto.js';
import { ROLES } from '../identity/user-role.entity.js';
import { insertUser } from '../identity/user.service.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'VIEWER' },
    municipality: { type: 'string' },
    organisation: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  },
});

function usage(message: string): never {
  process.stderr.write(
    `${message}\nUsage: pnpm user:create --email <e-mail> --name <name> --role ${ROLES.join('|')} [--municipality GM0000] [--organisation <slug>] [--password-stdin]\n`,
  );
  process.exit(2);
}

if (!values.email) usage('--email is required');
if (!values.name) usage('--name is required');
if (!(ROLES as readonly string[]).includes(values.role!)) usage(`--role must be one of ${ROLES.join(', ')}`);

async function readStdin(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? '';
}

const generated = !values['password-stdin'];
const password = generated ? randomSecret(18) : await readStdin();

const config = loadConfig();
const log = createLogger(config.logLevel, config.logPretty);
const db = await startDatabase(config, log);
const ds = createDataSource(db.url, { ...config.db, poolMax: 2 }, log, 'ggu-atlas-user-create');
let code = 0;
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const client = await poolOf(ds).connect();
  try {
    await client.query('BEGIN');
    const actor = { userId: null, tokenId: null, requestId: 'cli:user-create' };
    const tx = {
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
      audit: (entry: Parameters<typeof writeAudit>[2]) => writeAudit(client, actor, entry),
    };
    const userId = await insertUser(tx, { email: values.email!, displayName: values.name!, password });
    let municipalityId: number | null = null;
    let organisationId: number | null = null;
    if (values.municipality) {
      const [m] = await tx.query(`SELECT id FROM municipality WHERE code = $1`, [values.municipality.toUpperCase()]);
      if (!m) throw new Error(`No municipality ${values.municipality}`);
      municipalityId = m.id;
    }
    if (values.organisation) {
      const [o] = await tx.query(`SELECT id FROM organisation WHERE slug = $1`, [values.organisation.toLowerCase()]);
      if (!o) throw new Error(`No organisation ${values.organisation}`);
      organisationId = o.id;
    }
    const [role] = await tx.query(
      `INSERT INTO user_role (user_id, role, municipality_id, organisation_id) VALUES ($1, $2, $3, $4) RETURNING *`,
      [userId, values.role, municipalityId, organisationId],
    );
    await tx.audit({ action: 'CREATE', entityType: 'user_role', entityId: role!.id, after: role });
    await client.query('COMMIT');
    process.stdout.write(`Created user ${values.email} (id ${userId}) with role ${values.role}.\n`);
    if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
} catch (err) {
  const e = err as { message?: string; constraint?: string };
  process.stderr.write(
    `Could not create the user: ${e.constraint === 'ck_user_role_target' ? 'EDITOR needs --municipality; COOPERATION_EDITOR and SUPPLIER need --organisation; ADMIN and VIEWER take neither' : e.message}\n`,
  );
  code = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await db.stop();
}
process.exit(code);
