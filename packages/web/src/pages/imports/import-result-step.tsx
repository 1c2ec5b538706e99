import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportApplied, ImportPreview } from '../../api/types.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';

interface ImportResultStepProps {
  preview: ImportPreview;
  applied: ImportApplied['applied'];
  onAnother: () => void;
}

/** Step 3: what was applied. */
export function ImportResultStep({ preview, applied, onAnother }: ImportResultStepProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t('imports.applied')}
      subTitle={`${labelOf(messages.enums.importKind, preview.kind)} · ${preview.filename} — ${t('imports.appliedDetail', applied)}`}
      extra={[
        <Button key="registry" type="primary" onClick={() => void navigate('/enterprises')}>
          {t('imports.toRegistry')}
        </Button>,
        <Button key="again" onClick={onAnother}>
          {t('imports.another')}
        </Button>,
      ]}
    />
  );
}
