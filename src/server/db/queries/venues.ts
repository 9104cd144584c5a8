import type { Queryable } from '../db.js';
import type { SafetyChecklist } from '../../../shared/api/public-venues.js';
import type { VenueCategory } from '../../../shared/venue-categories.js';

export interface VenueRow {
  id: number;
  name: string;
  category: VenueCategory;
  adminUnitCode: string;
  adminUnitPath: string[];
  address: string;
  contactName: string;
  contactPhone: string;
  capacity: number | null;
  defaultStayMinutes: number | null;
  status: 'active' | 'suspended';
  statusReason: string | null;
  registeredBy: 'self' | 'official';
  createdAt: Date;
  /** The public map point (F22), both or neither. */
  latitude: number | null;
  longitude: number | null;
  /** The manager's safety checklist as last confirmed, and when. */
  safety: SafetyChecklist | null;
  safetyConfirmedAt: Date | null;
  /** The first entrance: where staff-recorded entries are booked. */
  mainEntrancePublicId: string;
}

export interface EntranceRow {
  id: number;
  name: string;
  publicId: string;
  active: boolean;
}

export const VENUE_COLUMNS = `v.id, v.name, v.category, v.admin_unit_code AS "adminUnitCode", v.admin_unit_path AS "adminUnitPath",
  v.address, v.contact_name AS "contactName", v.contact_phone AS "contactPhone", v.capacity,
  v.default_stay_minutes AS "defaultStayMinutes", v.status, v.status_reason AS "statusReason",
  v.registered_by AS "registeredBy", v.created_at AS "createdAt", v.latitude, v.longitude, v.safety,
  v.safety_confirmed_at AS "safetyConfirmedAt",
  (SELECT e.public_id FROM venue_entrances e WHERE e.venue_id = v.id ORDER BY e.active DESC, e.id LIMIT 1) AS "mainEntrancePublicId"`;

export async function insertVenue(
  q: Queryable,
  v: {
    name: string;
    category: string;
    adminUnitVersion: string;
    adminUnitCode: string;
    adminUnitPath: string[];
    address: string;
    contactName: string;
    contactPhone: string;
    capacity: number | null;
    location: { lat: number; lng: number } | null;
    registeredBy: 'self' | 'official';
    createdByUserId: number | null;
    createdAt: Date;
  },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO venues (name, category, admin_unit_version, admin_unit_code, admin_unit_path, address,
                         contact_name, contact_phone, capacity, registered_by, created_by_user_id, created_at,
                         latitude, longitude)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      v.name,
      v.category,
      v.adminUnitVersion,
      v.adminUnitCode,
      v.adminUnitPath,
      v.address,
      v.contactName,
      v.contactPhone,
      v.capacity,
      v.registeredBy,
      v.createdByUserId,
      v.createdAt,
      v.location?.lat ?? null,
      v.location?.lng ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function insertEntrance(q: Queryable, venueId: number, name: string, publicId: string) {
  const { rows } = await q.query<EntranceRow>(
    `INSERT INTO venue_entrances (venue_id, name, public_id) VALUES ($1, $2, $3)
     RETURNING id, name, public_id AS "publicId", active`,
    [venueId, name, publicId],
  );
  return rows[0]!;
}

export async function findVenue(q: Queryable, id: number) {
  const { rows } = await q.query<VenueRow>(
    `SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.id = $1`,
    [id],
    'find_venue',
  );
  return rows[0] ?? null;
}

export async function listEntrances(q: Queryable, venueId: number) {
  const { rows } = await q.query<EntranceRow>(
    `SELECT id, name, public_id AS "publicId", active FROM venue_entrances WHERE venue_id = $1 ORDER BY id`,
    [venueId],
  );
  return rows;
}

export async function findVenueByEntrance(q: Queryable, publicId: string) {
  const { rows } = await q.query<VenueRow & { entranceName: string }>(
    `SELECT ${VENUE_COLUMNS}, e.name AS "entranceName"
       FROM venue_entrances e JOIN venues v ON v.id = e.venue_id WHERE e.public_id = $1 AND e.active`,
    [publicId],
  );
  return rows[0] ?? null;
}

export async function listVenuesByIds(q: Queryable, ids: readonly number[]) {
  const { rows } = await q.query<VenueRow>(
    `SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.id = ANY($1::bigint[]) ORDER BY v.id`,
    [ids],
  );
  return rows;
}

/** Suspends or reinstates a venue and writes the change into its history. */
export async function setVenueStatus(
  q: Queryable,
  id: number,
  change: { status: 'active' | 'suspended'; reason: string; byUserId: number; at: Date },
) {
  await q.query('UPDATE venues SET status = $2, status_reason = $3 WHERE id = $1', [
    id,
    change.status,
    change.reason,
  ]);
  await q.query(
    'INSERT INTO venue_status_changes (venue_id, status, reason, by_user_id, at) VALUES ($1, $2, $3, $4, $5)',
    [id, change.status, change.reason, change.byUserId, change.at],
  );
}

export async function statusHistory(q: Queryable, venueId: number) {
  const { rows } = await q.query<{
    status: 'active' | 'suspended';
    reason: string;
    at: Date;
    by: string | null;
  }>(
    `SELECT c.status, c.reason, c.at, u.username AS by
       FROM venue_status_changes c LEFT JOIN users u ON u.id = c.by_user_id
      WHERE c.venue_id = $1 ORDER BY c.at DESC, c.id DESC LIMIT 50`,
    [venueId],
  );
  return rows;
}

export async function venueUnitPath(q: Queryable, venueId: number): Promise<string[]> {
  const { rows } = await q.query<{ path: string[] }>(
    'SELECT admin_unit_path AS path FROM venues WHERE id = $1',
    [venueId],
  );
  return rows[0]?.path ?? [];
}

export async function updateEntrance(
  q: Queryable,
  venueId: number,
  id: number,
  change: { name?: string; active?: boolean },
) {
  const { rows } = await q.query<EntranceRow>(
    `UPDATE venue_entrances SET name = COALESCE($3, name), active = COALESCE($4, active)
      WHERE venue_id = $1 AND id = $2 RETURNING id, name, public_id AS "publicId", active`,
    [venueId, id, change.name ?? null, change.active ?? null],
  );
  return rows[0] ?? null;
}

export interface VenueChange {
  name?: string;
  category?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  capacity?: number | null;
  /** null takes the venue off the map. */
  location?: { lat: number; lng: number } | null;
}

/** The fields given change; the others stay. `capacity: null` removes the capacity. */
export async function updateVenue(q: Queryable, id: number, c: VenueChange) {
  await q.query(
    `UPDATE venues SET name = COALESCE($2, name), category = COALESCE($3, category),
            address = COALESCE($4, address), contact_name = COALESCE($5, contact_name),
            contact_phone = COALESCE($6, contact_phone),
            capacity = CASE WHEN $7 THEN $8::int ELSE capacity END,
            latitude = CASE WHEN $9 THEN $10::float8 ELSE latitude END,
            longitude = CASE WHEN $9 THEN $11::float8 ELSE longitude END
      WHERE id = $1`,
    [
      id,
      c.name ?? null,
      c.category ?? null,
      c.address ?? null,
      c.contactName ?? null,
      c.contactPhone ?? null,
      c.capacity !== undefined,
      c.capacity ?? null,
      c.location !== undefined,
      c.location?.lat ?? null,
      c.location?.lng ?? null,
    ],
  );
}

/** The manager's safety checklist, confirmed at `at`. */
export async function setVenueSafety(q: Queryable, id: number, safety: SafetyChecklist, at: Date) {
  await q.query(`UPDATE venues SET safety = $2, safety_confirmed_at = $3 WHERE id = $1`, [
    id,
    JSON.stringify(safety),
    at,
  ]);
}
