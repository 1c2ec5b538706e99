import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Modal, Space, type InputRef } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A barcode the browser's BarcodeDetector found (Shape Detection API; not in TypeScript's DOM library yet). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/** The browser's BarcodeDetector, when it has one (Chrome on Android, some desktops); null elsewhere. */
function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate: unknown = Reflect.get(globalThis, 'BarcodeDetector');
  // I/O boundary: a browser global checked only for being a constructor.
  return typeof candidate === 'function' ? (candidate as BarcodeDetectorConstructor) : null;
}

const FORMATS = ['qr_code', 'data_matrix', 'code_128', 'ean_13'];

/** The camera view: scans until one code is read, then hands it over and closes. */
function CameraScanner({ onScan, onClose }: { onScan: (value: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // The camera starts once per opening, whatever the parent re-renders: the callbacks are read through a ref.
  const handlers = useRef({ onScan, onClose });
  useEffect(() => {
    handlers.current = { onScan, onClose };
  });

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return undefined;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: FORMATS });
    const tick = async () => {
      const element = video.current;
      if (stopped || !element) return;
      try {
        const [found] = element.readyState >= 2 ? await detector.detect(element) : [];
        if (found?.rawValue && !stopped) {
          handlers.current.onScan(found.rawValue);
          handlers.current.onClose();
          return;
        }
      } catch {
        // A frame the detector could not read: try the next one.
      }
      timer = window.setTimeout(() => void tick(), 250);
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        void tick();
      } catch {
        setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <Modal open title={t('traceOps.scan.cameraTitle')} onCancel={onClose} footer={<Button onClick={onClose}>{t('traceOps.scan.stop')}</Button>} destroyOnHidden>
      {failed ? <Alert type="error" showIcon title={t('traceOps.scan.cameraUnavailable')} /> : <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />}
    </Modal>
  );
}

interface ScanInputProps {
  /** Called with each code: typed and ended with Enter (what a scanner gun does), or read by the camera. */
  onScan: (value: string) => void;
  label: string;
  id: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/**
 * The scan field (扫码): a barcode scanner gun types the code and presses Enter, so the field takes a code on
 * Enter and clears itself for the next; the camera button (only where the browser has BarcodeDetector) reads
 * a code with the phone's camera.
 */
export function ScanInput({ onScan, label, id, disabled, autoFocus }: ScanInputProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [camera, setCamera] = useState(false);
  const input = useRef<InputRef>(null);
  const canUseCamera = barcodeDetector() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';

  const submit = () => {
    const code = value.trim();
    if (!code) return;
    onScan(code);
    setValue('');
    input.current?.focus();
  };

  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={input}
          id={id}
          aria-label={label}
          value={value}
          disabled={disabled}
          autoFocus={autoFocus}
          autoComplete="off"
          placeholder={t('traceOps.scan.placeholder')}
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={(event) => {
            event.preventDefault();
            submit();
          }}
        />
        <Button onClick={submit} disabled={disabled || !value.trim()}>
          {t('traceOps.scan.add')}
        </Button>
        {canUseCamera && (
          <Button icon={<CameraOutlined aria-hidden />} onClick={() => setCamera(true)} disabled={disabled} aria-label={t('traceOps.scan.camera')}>
            {t('traceOps.scan.camera')}
          </Button>
        )}
      </Space.Compact>
      {camera && <CameraScanner onScan={onScan} onClose={() => setCamera(false)} />}
    </>
  );
}
