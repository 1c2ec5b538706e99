import { Alert, App, Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client.ts';
import { useGrant } from '../../app/grants.ts';
import { invalidateDuties, type DutyOverview } from './duties-api.ts';
import { useDutyText } from './duties-text.ts';

/**
 * 人员任命: the food safety directors (食品安全总监) and officers (食品安全员), current and past. Ending an
 * appointment is an edit of the registry's key person (audited); new appointments are made in the dossier.
 */
export function PeoplePanel({ overview }: { overview: DutyOverview }) {
  const text = useDutyText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useGrant('person.write');
  const end = async (personId: string, version: number) => {
    try {
      await apiSend('PATCH', `/api/v1/people/${encodeURIComponent(personId)}`, { version, endedOn: overview.asOf });
      await invalidateDuties(queryClient);
      void message.success(text('saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : text('save'));
    }
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {overview.missingDirector && <Alert type="error" showIcon title={text('missingDirector')} />}
      <List
        dataSource={overview.appointments}
        renderItem={(a) => (
          <List.Item
            actions={
              canWrite && a.current
                ? [
                    <Popconfirm key="end" title={text('endAppointment')} onConfirm={() => end(a.personId, a.version)} okText={text('endAppointment')} cancelText={text('cancel')}>
                      <Button size="small">{text('endAppointment')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{a.name}</span>
                  <Tag color={a.role === 'food_safety_director' ? 'purple' : 'blue'}>{text(a.role === 'food_safety_director' ? 'roleDirector' : 'roleOfficer')}</Tag>
                  {a.current ? <Tag color="green">{text('current')}</Tag> : <Tag>{text('ended', { date: a.endedOn ?? '' })}</Tag>}
                </Space>
              }
              description={`${text('appointedOn')} ${a.appointedOn}${a.phone ? ` · ${a.phone}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{text('appointHint')}</Typography.Text>
    </Space>
  );
}
