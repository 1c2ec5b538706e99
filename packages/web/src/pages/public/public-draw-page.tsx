import { Alert, Button, Card, Descriptions, Grid, Result, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { usePublicDraw } from '../../api/planning-queries.ts';
import type { Draw, DrawPickRow } from '../../api/planning-types.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { DrawVerification } from './draw-verification.tsx';
import { useJurisdictionName } from './jurisdiction-name.ts';

const PICKS_PER_PAGE = 50;

/** The weights in force for a weighted draw, from the stored `weighting` (null for an unweighted draw). */
interface Weighting {
  byGrade: Record<string, number>;
  byCreditClass: Record<string, number>;
  ungradedAs?: string;
  unknownCreditMultiplier?: number;
}

const isNumberRecord = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'number');

function readWeighting(value: unknown): Weighting | null {
  if (typeof value !== 'object' || value === null) return null;
  const byGrade = 'byGrade' in value ? value.byGrade : null;
  const byCreditClass = 'byCreditClass' in value ? value.byCreditClass : null;
  if (!isNumberRecord(byGrade) || !isNumberRecord(byCreditClass)) return null;
  const ungradedAs = 'ungradedAs' in value && typeof value.ungradedAs === 'string' ? value.ungradedAs : undefined;
  const unknown = 'unknownCreditMultiplier' in value && typeof value.unknownCreditMultiplier === 'number' ? value.unknownCreditMultiplier : undefined;
  return { byGrade, byCreditClass, ungradedAs, unknownCreditMultiplier: unknown };
}

const pairs = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

/** The roster filters in words; none means every active enterprise of the jurisdiction. */
function FilterTags({ draw }: { draw: Draw }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { kinds = [], grades = [], creditClasses = [], specialFoodProducersOnly } = draw.filters;
  const tags = [
    ...kinds.map((kind) => labelOf(messages.enums.kind, kind)),
    ...grades.map((grade) => (grade === 'none' ? t('planning.ungraded') : t('planning.gradeValue', { grade }))),
    ...creditClasses.map((value) => t('draws.creditClassValue', { value })),
    ...(specialFoodProducersOnly ? [t('draws.fields.specialFoodProducersOnly')] : []),
  ];
  if (tags.length === 0) return <>{t('draws.detail.noFilters')}</>;
  return (
    <Space size={[4, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </Space>
  );
}

function DrawFacts({ draw }: { draw: Draw }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionName();
  const screens = Grid.useBreakpoint();
  const weighting = readWeighting(draw.weighting);
  const size =
    draw.size.mode === 'count'
      ? t('draws.detail.sizeCount', { count: draw.size.count })
      : t('draws.detail.sizeProportion', { percent: Math.round(draw.size.proportion * 100_000) / 1000 });
  const mono = (value: string) => (
    <Typography.Text className="shian-mono" copyable>
      {value}
    </Typography.Text>
  );
  return (
    <Descriptions
      size="small"
      bordered
      // On a phone labels go above their values: the digests need the whole width.
      layout={screens.sm === false ? 'vertical' : 'horizontal'}
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'number', label: t('draws.columns.number'), children: draw.number },
        { key: 'jurisdiction', label: t('draws.columns.jurisdiction'), children: nameOf(draw.jurisdictionCode) },
        { key: 'createdAt', label: t('draws.detail.createdAt'), children: formatDateTime(draw.createdAt) },
        { key: 'scheduledOn', label: t('draws.fields.scheduledOn'), children: formatDate(draw.scheduledOn) },
        { key: 'filters', label: t('draws.detail.filters'), children: <FilterTags draw={draw} />, span: 'filled' },
        { key: 'rosterSize', label: t('draws.columns.rosterSize'), children: draw.rosterSize },
        { key: 'size', label: t('draws.detail.size'), children: size },
        { key: 'picked', label: t('draws.columns.picked'), children: draw.pickedCount },
        { key: 'team', label: t('draws.fields.inspectorsPerTarget'), children: draw.inspectorsPerTarget },
        {
          key: 'weighting',
          label: t('draws.fields.weighted'),
          span: 'filled',
          children: weighting
            ? t('draws.detail.weightedValue', { grades: pairs(weighting.byGrade), credit: pairs(weighting.byCreditClass) })
            : t('draws.detail.unweighted'),
        },
        { key: 'algorithm', label: t('draws.columns.algorithm'), children: <Typography.Text code>{draw.algorithm}</Typography.Text>, span: 'filled' },
        { key: 'seed', label: t('draws.detail.seed'), children: mono(draw.seed), span: 'filled' },
        { key: 'rosterDigest', label: t('draws.detail.rosterDigest'), children: mono(draw.rosterDigest), span: 'filled' },
        { key: 'inspectorRosterDigest', label: t('draws.detail.inspectorRosterDigest'), children: mono(draw.inspectorRosterDigest), span: 'filled' },
      ]}
    />
  );
}

function PicksTable({ draw, picks }: { draw: Draw; picks: DrawPickRow[] }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // On a phone the credit code goes under the name and the inspection number is left out, so nothing scrolls.
  const phone = screens.sm === false;
  const columns: TableColumnsType<DrawPickRow> = [
    { title: t('draws.pickColumns.position'), dataIndex: 'position', width: phone ? 48 : 70, align: 'end' },
    {
      title: t('draws.pickColumns.enterprise'),
      dataIndex: 'enterpriseName',
      width: phone ? undefined : 240,
      render: (name: string, pick) =>
        phone ? (
          <>
            {name}
            <Typography.Text type="secondary" className="shian-mono" style={{ display: 'block' }}>
              {pick.uscc}
            </Typography.Text>
          </>
        ) : (
          name
        ),
    },
    ...(phone
      ? []
      : [{ title: t('draws.pickColumns.uscc'), dataIndex: 'uscc', width: 190, render: (value: string) => <Typography.Text code>{value}</Typography.Text> }]),
    {
      title: t('draws.pickColumns.inspectors'),
      dataIndex: 'inspectorNames',
      width: phone ? 96 : 200,
      render: (names: string[]) => (names.length > 0 ? names.join(t('planning.listSeparator')) : <Tag color="orange">{t('draws.detail.unstaffed')}</Tag>),
    },
    ...(phone
      ? []
      : [{ title: t('draws.pickColumns.inspectionNumber'), dataIndex: 'inspectionNumber', width: 200, render: (value: string | null) => value ?? t('common.none') }]),
  ];
  return (
    <Card size="small" title={t('draws.detail.picks', { count: picks.length })} style={{ marginTop: 12 }}>
      {draw.unstaffedCount > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('draws.detail.unstaffedNote', { count: draw.unstaffedCount })} />
      )}
      <Table<DrawPickRow>
        rowKey="position"
        size="small"
        columns={columns}
        dataSource={picks}
        pagination={{ pageSize: PICKS_PER_PAGE, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={phone ? undefined : { x: 900 }}
      />
    </Card>
  );
}

/** One published draw: its facts, the picks and the public re-run. */
export function PublicDrawPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = usePublicDraw(id);

  const back = (
    <Link to="/public/draws">
      <ArrowLeftOutlined aria-hidden /> {t('draws.detail.back')}
    </Link>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('draws.detail.notFound') : t('app.error')}
        subTitle={missing ? undefined : detail.error.message}
        extra={missing ? back : <Button onClick={() => void detail.refetch()}>{t('app.retry')}</Button>}
      />
    );
  }
  const { draw, picks } = detail.data;
  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{draw.title}</Typography.Title>
        {back}
      </div>
      <Card size="small">
        <DrawFacts draw={draw} />
      </Card>
      <PicksTable draw={draw} picks={picks} />
      <DrawVerification draw={draw} picks={picks} />
    </>
  );
}
