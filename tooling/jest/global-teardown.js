export default async function globalTeardown() {
  const pgInfo = globalThis.__almanacPostgres;
  if (pgInfo?.stop && !globalThis.__almanacPostgresStopped) {
    globalThis.__almanacPostgresStopped = true;
    pgInfo.stop();
  }
}
