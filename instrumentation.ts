// Runs once when the console server starts (not during `next build`): a configuration with any problem
// stops it with one message naming every problem, before the first request is served; then OpenTelemetry
// tracing starts, only when the OTEL_* variables ask for it (lib/telemetry/start-telemetry.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertValidConfig } = await import('@/lib/health/assert-valid-config');
  try {
    assertValidConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const { startTelemetry } = await import('@/lib/telemetry/start-telemetry');
  await startTelemetry({ serviceName: 'callvault-console' });
}
