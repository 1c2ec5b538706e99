import { Alert, App, Button, Descriptions, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useLocale } from '../../i18n/setup.ts';
import type { DeviceCredential, MonitoringDevice } from './handling-api.ts';
import { H, fill } from './handling-text.ts';

/**
 * The device's secret (设备凭证), shown once: the MQTT topic and broker hint, and an example HTTPS batch with
 * `Authorization: Device {id}:{secret}`. Closing it is final: only the secret's hash is stored.
 */
export function CredentialModal({ device, credential, onClose }: { device: MonitoringDevice; credential: DeviceCredential; onClose: () => void }) {
  const locale = useLocale();
  const { message } = App.useApp();
  const topic = `shian/${device.enterpriseId}/${device.id}/readings`;
  const origin = window.location.origin;
  const at = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const curl = [
    `curl -X POST '${origin}/api/v1/monitoring/readings' \\`,
    `  -H 'Authorization: Device ${credential.deviceId}:${credential.secret}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"readings":[{"at":"${at}","value":21.5}]}'`,
  ].join('\n');
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(H.copied[locale]);
    } catch {
      void message.error(H.copyFailed[locale]);
    }
  };

  return (
    <Modal
      open
      title={fill(locale, H.credentialTitle, { code: device.code })}
      width={720}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {H.done[locale]}
        </Button>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={H.credentialWarning[locale]} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={H.deviceId[locale]}>
          <Typography.Text code>{credential.deviceId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={H.secret[locale]}>
          <Typography.Text code data-testid="device-secret" style={{ wordBreak: 'break-all' }}>
            {credential.secret}
          </Typography.Text>{' '}
          <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={() => void copy(credential.secret)}>
            {H.copy[locale]}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={H.mqttTopic[locale]}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {topic}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {H.mqttHint[locale]}
      </Typography.Paragraph>
      <Typography.Title level={5}>{H.httpsExample[locale]}</Typography.Title>
      <pre className="shian-mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: 'rgba(0,0,0,0.04)', padding: 12, borderRadius: 6 }}>
        {curl}
      </pre>
      <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(curl)}>
        {H.copy[locale]}
      </Button>
    </Modal>
  );
}
