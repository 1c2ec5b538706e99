import { useState } from 'react';
import { Button, Drawer, Grid } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuditTimeline } from './audit-timeline.tsx';

/** A "history" button that opens the record's audit trail in a drawer. */
export function HistoryButton({ entityType, entityId, name }: { entityType: string; entityId: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  return (
    <>
      <Button size="small" type="link" icon={<HistoryOutlined aria-hidden />} onClick={() => setOpen(true)} aria-label={`${t('common.history')} ${name}`}>
        {t('common.history')}
      </Button>
      {open && (
        <Drawer open title={t('audit.drawerTitle', { name })} size={screens.md ? 520 : '100%'} onClose={() => setOpen(false)}>
          <AuditTimeline entityType={entityType} entityId={entityId} />
        </Drawer>
      )}
    </>
  );
}
