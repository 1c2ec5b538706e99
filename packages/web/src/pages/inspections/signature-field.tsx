import { useEffect, useId, useRef } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, RedoOutlined } from '@ant-design/icons';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';
import type { DraftSignature } from '../../features/offline/inspection-draft.ts';

const CANVAS_HEIGHT = 160;
/** Backing-store pixels per CSS pixel: sharp on a phone, but no 3× images (the server takes ≤ 400 kB). */
const MAX_RATIO = 2;

interface SignatureFieldProps {
  /** The DOM id of the field (problems scroll to it). */
  id: string;
  label: string;
  value: DraftSignature | null;
  onChange: (value: DraftSignature | null) => void;
  disabled: boolean;
  error?: string;
}

/**
 * A signature pad (签名板): finger or stylus on a canvas. Each finished stroke is handed up at once (as the
 * PNG the server receives and the strokes that redraw it), so closing the page never loses a signature.
 */
export function SignatureField({ id, label, value, onChange, disabled, error }: SignatureFieldProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  // The pad lives across renders; its listeners read the latest props through refs.
  const onChangeRef = useRef(onChange);
  const valueRef = useRef(value);
  useEffect(() => {
    onChangeRef.current = onChange;
    valueRef.current = value;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#000000', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    let width = 0;
    const fit = () => {
      const cssWidth = canvas.getBoundingClientRect().width;
      if (cssWidth === 0 || cssWidth === width) return;
      width = cssWidth;
      const ratio = Math.min(window.devicePixelRatio || 1, MAX_RATIO);
      canvas.width = Math.round(cssWidth * ratio);
      canvas.height = Math.round(CANVAS_HEIGHT * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      // Resizing clears the canvas: draw the signature again from its strokes.
      pad.fromData(valueRef.current?.strokes ?? []);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const onEnd = () => onChangeRef.current({ image: pad.toDataURL('image/png'), strokes: pad.toData() });
    pad.addEventListener('endStroke', onEnd);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  // A value replaced from outside (another draft loaded) is drawn; the pad's own strokes are already there.
  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = value?.strokes ?? [];
    if (strokes.length !== pad.toData().length) pad.fromData(strokes);
  }, [value]);

  const clear = () => {
    padRef.current?.clear();
    onChange(null);
  };

  const signed = value !== null && value.strokes.length > 0;
  return (
    <div id={id} role="group" aria-labelledby={titleId} className="shian-inspection-field">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }} wrap>
        <Typography.Text strong id={titleId}>
          {label}
        </Typography.Text>
        <Space size={4}>
          {signed ? (
            <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
              {t('inspectionForm.signed')}
            </Tag>
          ) : (
            <Tag>{t('inspectionForm.unsigned')}</Tag>
          )}
          <Button size="small" icon={<RedoOutlined aria-hidden />} disabled={disabled || !signed} onClick={clear}>
            {t('inspectionForm.clearSignature')}
          </Button>
        </Space>
      </Space>
      <canvas
        ref={canvasRef}
        className={`shian-signature-canvas${disabled ? ' is-disabled' : ''}`}
        role="img"
        aria-label={`${label}${signed ? '' : ` · ${t('inspectionForm.signHere')}`}`}
        aria-describedby={error ? errorId : undefined}
      />
      {!signed && !disabled && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inspectionForm.signHere')}
        </Typography.Text>
      )}
      {error && (
        <span id={errorId} className="shian-field-error">
          {error}
        </span>
      )}
    </div>
  );
}
