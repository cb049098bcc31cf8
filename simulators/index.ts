// Demo runner: both vendor simulators on fixed ports, a new recording every few seconds across four accounts
// (~10 % truncated media, ~5 % missing metadata, ~3 % customers dialling in from the other region — a residency
// violation once RESIDENCY_DIAL_RULES is set as printed), webhooks to the console with retries, duplicates and a
// few deliberately dropped (the console's polling must find those through the listings).
//
//   SIM_WEBHOOK_BASE_URL=http://127.0.0.1:3000 node --import tsx simulators/index.ts
//
// Env: SIM_GENESYS_PORT (4010), SIM_CXONE_PORT (4020), SIM_INTERVAL_SECONDS (4), SIM_WEBHOOK_BASE_URL (unset =
// no webhooks, polling only), SIM_ACCOUNTS_FILE (write the VENDOR_ACCOUNTS JSON there instead of only printing
// it), SIM_SECRET_SEED (derive all credentials from it: stable across restarts), SIM_MAX_RECORDINGS (stop
// generating after N; default unlimited).
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoAccounts } from './core/demo-accounts';
import { startCxoneSimulator } from './cxone/server';
import { startGenesysSimulator } from './genesys/server';
import type { TSimMissingField, TSimRecordingSpec, TSimulator } from './types';

const MISSABLE: TSimMissingField[] = ['duration', 'direction', 'participants', 'startTime'];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

const DIAL_RULES = [
  { prefix: '+1', region: 'us' },
  { prefix: '+353', region: 'eu' },
  { prefix: '+49', region: 'eu' },
];

function randomSpec(sim: TSimulator): TSimRecordingSpec {
  const seconds = Math.round(20 + Math.random() * (sim.vendor === 'genesys' ? 160 : 70));
  const roll = Math.random();
  const account = pick(sim.accounts);
  const foreignNumber = /\.ie$|^eu/.test(account.instance) ? '+15550100999' : '+4930901820';
  return {
    accountId: account.id,
    ...(roll >= 0.15 && roll < 0.18 ? { customer: { number: foreignNumber } } : {}),
    seconds,
    direction: Math.random() < 0.7 ? 'inbound' : 'outbound',
    ...(roll < 0.1 ? { mediaSeconds: Math.round(seconds * (0.5 + Math.random() * 0.35)) } : {}),
    ...(roll >= 0.1 && roll < 0.15 ? { missing: [pick(MISSABLE)] } : {}),
    ...(sim.vendor === 'genesys' && Math.random() < 0.2 ? { pendingPolls: 1 + Math.floor(Math.random() * 2) } : {}),
    tags: Math.random() < 0.3 ? ['PCI-Scoped', 'finra-retention-6yr'] : ['compliance'],
  };
}

/** Vendors deliver at least once: retry until the console answers 2xx (bounded), sometimes twice. */
async function deliver(sim: TSimulator, rec: ReturnType<TSimulator['addRecording']>, baseUrl: string): Promise<void> {
  if (Math.random() < 0.05) return void console.log(`  webhook for ${rec.id} deliberately dropped (polling must find it)`);
  const style = sim.vendor === 'genesys' && Math.random() < 0.5 ? 'real' : 'seed';
  const duplicates = Math.random() < 0.1 ? 2 : 1;
  for (let attempt = 1; attempt <= 6; attempt++) {
    try {
      const results = await sim.emitWebhook(rec, { baseUrl, style, duplicates });
      const statuses = results.map((r) => r.status);
      if (statuses.every((s) => s >= 200 && s < 300)) return void console.log(`  webhook ${style} ${rec.id} → ${statuses.join(',')}`);
      console.log(`  webhook ${rec.id} answered ${statuses.join(',')} (attempt ${attempt})`);
    } catch (error) {
      console.log(`  webhook ${rec.id} failed: ${(error as Error).message} (attempt ${attempt})`);
    }
    await sleep(5000 * attempt);
  }
}

async function main(): Promise<void> {
  const seed = process.env.SIM_SECRET_SEED || undefined;
  const accounts = demoAccounts(seed);
  const genesys = await startGenesysSimulator({ accounts: accounts.genesys, port: Number(process.env.SIM_GENESYS_PORT ?? 4010) });
  const cxone = await startCxoneSimulator({ accounts: accounts.cxone, port: Number(process.env.SIM_CXONE_PORT ?? 4020) });
  const json = JSON.stringify([...genesys.vendorAccountsJson(), ...cxone.vendorAccountsJson()]);
  if (process.env.SIM_ACCOUNTS_FILE) writeFileSync(process.env.SIM_ACCOUNTS_FILE, `${json}\n`, { mode: 0o600 });
  console.log(`Genesys simulator ${genesys.url}, CXone simulator ${cxone.url}`);
  console.log(
    seed
      ? 'Credentials derived from SIM_SECRET_SEED (stable across restarts).'
      : 'Credentials are random for this run (set SIM_SECRET_SEED to keep them).',
  );
  console.log(`VENDOR_ACCOUNTS=${json}`);
  console.log(`RESIDENCY_DIAL_RULES=${JSON.stringify(DIAL_RULES)}`);

  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all([genesys.stop(), cxone.stop()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const baseUrl = process.env.SIM_WEBHOOK_BASE_URL;
  const interval = Number(process.env.SIM_INTERVAL_SECONDS ?? 4) * 1000;
  const max = Number(process.env.SIM_MAX_RECORDINGS ?? Infinity);
  for (let n = 1; !stopping && n <= max; n++) {
    const sim = n % 2 === 0 ? cxone : genesys;
    const rec = sim.addRecording(randomSpec(sim));
    const flags = [
      rec.mediaSeconds < rec.seconds ? `truncated to ${rec.mediaSeconds}s` : '',
      rec.missing.length ? `missing ${rec.missing.join(',')}` : '',
    ].filter(Boolean);
    console.log(`#${n} ${rec.account.id} ${rec.id} ${rec.seconds}s ${rec.direction} ${flags.join(' ')}`);
    if (baseUrl) void deliver(sim, rec, baseUrl);
    await sleep(interval * (0.5 + Math.random()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
