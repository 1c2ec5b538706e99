import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDossier } from '../../api/queries.ts';
import type { Premises } from '../../api/types.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';

/** The label of a premises in a choice: its name, kind and, when it has one, its GLN. */
export function premisesLabel(p: Pick<Premises, 'name' | 'kind'> & { gln?: string | null }, kindLabel: (kind: string) => string): string {
  return `${p.name}（${kindLabel(p.kind)}${p.gln ? ` · GLN ${p.gln}` : ''}）`;
}

interface PremisesSelectProps {
  enterpriseId: string;
  id: string;
  value?: string | undefined;
  onChange?: (value: string) => void;
}

/** A premises of the user's own enterprise (作业场所), from its dossier. */
export function OwnPremisesSelect({ enterpriseId, id, value, onChange }: PremisesSelectProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const dossier = useDossier(enterpriseId);
  const kind = (k: string) => labelOf(messages.enums.premisesKind, k);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      loading={dossier.isPending}
      placeholder={t('traceOps.premisesPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(dossier.data?.premises ?? []).map((p) => ({ value: p.id, label: premisesLabel(p, kind) }))}
      style={{ width: '100%' }}
    />
  );
}
