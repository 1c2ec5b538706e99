import { useEffect, useRef, useState } from 'react';
import { Button, Image } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INSPECTION_LIMITS } from '../../api/inspection-types.ts';
import type { StoredPhoto } from '../../features/offline/inspection-draft.ts';

/** An object URL for a stored photo's blob, released when the thumbnail goes. */
function useObjectUrl(blob: Blob): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

function Thumbnail({ photo, number, onRemove, disabled }: { photo: StoredPhoto; number: number; onRemove: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  const url = useObjectUrl(photo.blob);
  return (
    <div className="shian-photo-thumb">
      {url && <Image src={url} alt={t('inspectionForm.photo', { number })} width={64} height={64} />}
      {!disabled && (
        <Button size="small" shape="circle" danger icon={<CloseOutlined aria-hidden />} aria-label={t('inspectionForm.removePhoto', { number })} onClick={onRemove} />
      )}
    </div>
  );
}

interface PhotoStripProps {
  /** The photos of this item that are on the device, in order. */
  photos: StoredPhoto[];
  /** Photos of this item the server already has (from earlier progress); counted, not shown. */
  serverPhotoCount: number;
  onAdd: (file: File) => Promise<void>;
  onRemove: (photoId: string) => void;
  disabled: boolean;
  error?: string;
}

/** 拍照: the phone's camera (or a picture from the gallery) and the item's thumbnails. */
export function PhotoStrip({ photos, serverPhotoCount, onAdd, onRemove, disabled, error }: PhotoStripProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const full = photos.length + serverPhotoCount >= INSPECTION_LIMITS.photosPerItem;

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      for (const file of [...files].slice(0, INSPECTION_LIMITS.photosPerItem - photos.length - serverPhotoCount)) await onAdd(file);
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <div className="shian-inspection-field">
      <div className="shian-photo-strip">
        <Image.PreviewGroup>
          {photos.map((photo, index) => (
            <Thumbnail key={photo.id} photo={photo} number={serverPhotoCount + index + 1} disabled={disabled} onRemove={() => onRemove(photo.id)} />
          ))}
        </Image.PreviewGroup>
        {!disabled && (
          <>
            <Button icon={<CameraOutlined aria-hidden />} loading={busy} disabled={full} onClick={() => inputRef.current?.click()}>
              {t('inspectionForm.takePhoto')}
            </Button>
            <input
              ref={inputRef}
              type="file"
              accept="image/*"
              capture="environment"
              className="shian-visually-hidden"
              tabIndex={-1}
              aria-label={t('inspectionForm.takePhoto')}
              onChange={(event) => void onFiles(event.target.files)}
            />
          </>
        )}
      </div>
      {full && !disabled && (
        <span className="shian-field-error" style={{ color: '#8c8c8c' }}>
          {t('inspectionForm.photoLimit', { max: INSPECTION_LIMITS.photosPerItem })}
        </span>
      )}
      {error && <span className="shian-field-error">{error}</span>}
    </div>
  );
}
