import { z } from 'zod';

export const loginBodySchema = z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
export const passwordBodySchema = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    roleName: z.string(),
    jurisdictionCode: z.string().nullable(),
    jurisdictionName: z.string().nullable(),
    enterpriseId: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'User' });
