import { defaultStatus, statusAllowed, type TaskTypeCatalog } from './infolog-types.js';

/** Behaviour §5.4: the InfoLog statuses with a stock RFC 8984 §5.2.5 progress value. */
const PROGRESS_OF_STATUS: Readonly<Record<string, string>> = {
  'not-started': 'needs-action',
  ongoing: 'in-process',
  done: 'completed',
  cancelled: 'cancelled',
};

const VENDOR = 'egroupware.org:';

/**
 * The RFC 8984 `progress` of an InfoLog status: a stock value where one fits, else the status
 * with the `egroupware.org:` prefix (offer, billed, template, …).
 * @example progressOfStatus('ongoing') // 'in-process'; progressOfStatus('offer') // 'egroupware.org:offer'
 */
export function progressOfStatus(status: string): string {
  return PROGRESS_OF_STATUS[status] ?? `${VENDOR}${status}`;
}

/**
 * The InfoLog status a `progress` value asks for, for an entry of `type`. Behaviour §5.4: an
 * unknown progress (also a vendor value the type does not allow, or RFC `failed`) means
 * `not-started`, or the type's default where the type has no `not-started` (notes, emails).
 * Both `in-process` (RFC 8984) and `in-progress` (the reference's spelling) mean `ongoing`.
 */
export function statusOfProgress(progress: string, type: string, catalog: TaskTypeCatalog): string {
  const stock = progress === 'in-progress' ? 'ongoing' : Object.keys(PROGRESS_OF_STATUS).find((s) => PROGRESS_OF_STATUS[s] === progress);
  const wanted = stock ?? (progress.startsWith(VENDOR) ? progress.slice(VENDOR.length) : undefined);
  if (wanted !== undefined && statusAllowed(catalog, type, wanted)) return wanted;
  return statusAllowed(catalog, type, 'not-started') ? 'not-started' : defaultStatus(catalog, type);
}
