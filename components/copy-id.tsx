'use client';
// A long identifier (UUID, object key, version id, hash) that never widens the page: shown in full but
// allowed to wrap anywhere (or cut with an ellipsis when `truncate`), with a button that copies it exactly.
import { useState } from 'react';

export function CopyId({ value, label = 'identifier', truncate = false }: { value: string; label?: string; truncate?: boolean }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span className="copy-id">
      <code className={truncate ? 'copy-id-value truncate' : 'copy-id-value'} title={value}>
        {value}
      </code>
      <button type="button" className="btn btn-quiet copy-id-button" onClick={() => void copy()} aria-label={`Copy ${label} ${value}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span className="sr-only" role="status">
        {copied ? `${label} copied` : ''}
      </span>
    </span>
  );
}
