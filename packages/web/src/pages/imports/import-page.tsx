import { useState } from 'react';
import { Card, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queries.ts';
import type { ImportApplied, ImportKind, ImportPreview } from '../../api/types.ts';
import { usePermission } from '../../app/current-user.tsx';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { ImportPreviewStep } from './import-preview-step.tsx';
import { ImportResultStep } from './import-result-step.tsx';
import { ImportUploadStep } from './import-upload-step.tsx';

type WizardState =
  | { step: 'upload' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'result'; preview: ImportPreview; applied: ImportApplied['applied'] };

const STEP_INDEX: Record<WizardState['step'], number> = { upload: 0, preview: 1, result: 2 };

/** Excel / CSV import: upload → validated preview (row-level errors) → confirm → result. */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const allowed = usePermission('registry.import');
  const [state, setState] = useState<WizardState>({ step: 'upload' });
  const [kind, setKind] = useState<ImportKind>('enterprises');

  if (!allowed) return <ForbiddenPage />;

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      </div>
      <Card size="small">
        <Steps
          current={STEP_INDEX[state.step]}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: t('imports.steps.upload') }, { title: t('imports.steps.preview') }, { title: t('imports.steps.result') }]}
        />
        {state.step === 'upload' && (
          <ImportUploadStep kind={kind} onKindChange={setKind} onPreview={(preview) => setState({ step: 'preview', preview })} />
        )}
        {state.step === 'preview' && (
          <ImportPreviewStep
            preview={state.preview}
            onRestart={() => setState({ step: 'upload' })}
            onApplied={(applied) => {
              void queryClient.invalidateQueries({ queryKey: queryKeys.enterprisesAll });
              void queryClient.invalidateQueries({ queryKey: queryKeys.dossierAll });
              void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
              setState({ step: 'result', preview: state.preview, applied });
            }}
          />
        )}
        {state.step === 'result' && (
          <ImportResultStep preview={state.preview} applied={state.applied} onAnother={() => setState({ step: 'upload' })} />
        )}
      </Card>
    </>
  );
}
