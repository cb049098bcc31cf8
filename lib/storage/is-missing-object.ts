// S3 says an object or version is not there (NoSuchKey / NoSuchVersion / NotFound on HEAD): not an outage.
export function isMissingObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NoSuchVersion' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
