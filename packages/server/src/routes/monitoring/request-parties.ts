/** Who a monitoring request speaks for: a device by its own credential, or an enterprise. */
import type { FastifyRequest } from 'fastify';
import { invalidRequest } from '@shian/domain';
import { verifyDeviceCredential, type Db, type DeviceIdentity } from '@shian/core';

/**
 * A device speaking for itself over HTTPS (readings, camera events): `Authorization: Device {deviceId}:{secret}`.
 * Null when the request carries no such header; `false` when it does but the credential is wrong.
 */
export async function deviceOfRequest(db: Db, request: FastifyRequest): Promise<DeviceIdentity | null | false> {
  const header = /^Device\s+([^:\s]+):(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!header) return null;
  return (await verifyDeviceCredential(db, header[1]!, header[2]!)) ?? false;
}

/** The enterprise a monitoring write is for: an enterprise user's own, else the `enterpriseId` a regulator names. */
export function enterpriseOfWrite(request: FastifyRequest, named: string | undefined): string {
  const enterpriseId = named ?? request.actor.enterpriseId;
  if (!enterpriseId) throw invalidRequest([{ path: 'enterpriseId', message: 'field.required' }]);
  return enterpriseId;
}
