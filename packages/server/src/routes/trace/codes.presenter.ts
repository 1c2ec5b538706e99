import { COPY_RULES, type Locale, type Localised } from '@shian/domain';
import { codeUriBuilder, type CodeBatchView, type TraceAlertView } from '@shian/core';
import type { z } from 'zod';
import type { codeBatchSchema, traceAlertSchema } from './codes.contract.ts';

export const CODE_BATCH_STATUS_NAMES: Record<CodeBatchView['status'], Localised> = {
  queued: { 'zh-CN': '排队中', 'en-US': 'Queued' },
  issuing: { 'zh-CN': '生成中', 'en-US': 'Issuing' },
  issued: { 'zh-CN': '已生成', 'en-US': 'Issued' },
  failed: { 'zh-CN': '生成失败', 'en-US': 'Failed' },
};

export const TRACE_ALERT_KIND_NAMES: Record<TraceAlertView['kind'], Localised> = {
  possible_copy: { 'zh-CN': '疑似复制码', 'en-US': 'Possible copied code' },
  unknown_code: { 'zh-CN': '未登记追溯码', 'en-US': 'Unregistered code' },
};

export function presentCodeBatch(batch: CodeBatchView, locale: Locale, base: string): z.infer<typeof codeBatchSchema> {
  return {
    id: batch.id,
    number: batch.number,
    enterprise: { id: batch.enterpriseId, name: batch.enterpriseName },
    product: { id: batch.productId, name: batch.productName },
    jurisdictionCode: batch.jurisdictionCode,
    gtin: batch.gtin,
    lot: batch.lot,
    productionDate: batch.productionDate,
    expiryDate: batch.expiryDate,
    quantity: batch.quantity,
    issued: batch.issued,
    progress: batch.quantity > 0 ? batch.issued / batch.quantity : 0,
    status: batch.status,
    statusName: CODE_BATCH_STATUS_NAMES[batch.status][locale],
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    firstCodeUri: batch.status === 'issued' && batch.firstSerial ? codeUriBuilder(base, batch)(batch.firstSerial) : null,
  };
}

/** Stored JSON written by the scan recorder. */
type StoredReason = { rules?: { id: string; value: number }[]; scans?: number; serials?: string[] };

function reasonText(alert: TraceAlertView, locale: Locale): string {
  const reason = alert.reason as StoredReason;
  if (alert.kind === 'unknown_code') {
    const scans = reason.scans ?? 0;
    return locale === 'zh-CN' ? `未登记的追溯码被查询 ${scans} 次` : `Unregistered codes of this GTIN were scanned ${scans} time(s)`;
  }
  return (reason.rules ?? [])
    .map((fired) => {
      const rule = COPY_RULES.find((r) => r.id === fired.id);
      const seen = locale === 'zh-CN' ? `（实际 ${fired.value}）` : ` (seen: ${fired.value})`;
      return `${rule?.description[locale] ?? fired.id}${seen}`;
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
}

export function presentTraceAlert(alert: TraceAlertView, locale: Locale): z.infer<typeof traceAlertSchema> {
  return {
    id: alert.id,
    kind: alert.kind,
    kindName: TRACE_ALERT_KIND_NAMES[alert.kind][locale],
    gtin: alert.gtin,
    serial: alert.serial,
    lot: alert.lot,
    batch: alert.batchId && alert.batchNumber ? { id: alert.batchId, number: alert.batchNumber } : null,
    enterprise: alert.enterpriseId && alert.enterpriseName ? { id: alert.enterpriseId, name: alert.enterpriseName } : null,
    productName: alert.productName,
    jurisdictionCode: alert.jurisdictionCode,
    reasonText: reasonText(alert, locale),
    reason: alert.reason as Record<string, unknown>,
    status: alert.status,
    createdAt: alert.createdAt.toISOString(),
    closedAt: alert.closedAt?.toISOString() ?? null,
  };
}
