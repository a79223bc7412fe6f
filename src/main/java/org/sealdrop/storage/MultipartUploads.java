package org.sealdrop.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** ListParts, ListMultipartUploads and AbortMultipartUpload of one bucket. */
final class MultipartUploads {

    private final S3Client s3;
    private final StorageSettings settings;
    private final S3Errors errors;

    MultipartUploads(S3Client s3, StorageSettings settings, S3Errors errors) {
        this.s3 = s3;
        this.settings = settings;
        this.errors = errors;
    }

    /** Returns the parts S3 stores for the upload, across all pages, or empty when the upload no longer exists. */
    Optional<List<Part>> parts(String key, String uploadId) {
        List<Part> parts = new ArrayList<>();
        try {
            s3.listPartsPaginator(list -> list.bucket(settings.bucket()).key(key).uploadId(uploadId))
                    .parts().forEach(parts::add);
            // NOTE: S3Proxy 4.1.0 lists no parts for an aborted upload instead of returning NoSuchUpload,
            // so an empty list is checked against ListMultipartUploads before it counts as "no parts yet".
            if (parts.isEmpty() && !isPending(key, uploadId)) {
                return Optional.empty();
            }
            return Optional.of(parts);
        } catch (NoSuchUploadException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // Some S3-compatible stores respond 404 without the NoSuchUpload code.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw errors.translate("part listing", key, e);
        } catch (SdkException e) {
            throw errors.translate("part listing", key, e);
        }
    }

    private boolean isPending(String key, String uploadId) {
        return s3.listMultipartUploadsPaginator(list -> list.bucket(settings.bucket()).prefix(key)).uploads().stream()
                .anyMatch(upload -> upload.key().equals(key) && upload.uploadId().equals(uploadId));
    }

    /** Lists the multipart uploads under {@code prefix} that were neither completed nor aborted, with their parts. */
    List<PendingMultipartUpload> pending(String prefix) {
        List<PendingMultipartUpload> pending = new ArrayList<>();
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(
                    list -> list.bucket(settings.bucket()).prefix(prefix)).uploads()) {
                List<Part> parts = parts(upload.key(), upload.uploadId()).orElse(List.of());
                long bytes = parts.stream().mapToLong(part -> part.size() == null ? 0 : part.size()).sum();
                pending.add(new PendingMultipartUpload(upload.key(), upload.uploadId(), upload.initiated(),
                        parts.size(), bytes));
            }
        } catch (SdkException e) {
            throw errors.translate("multipart upload listing", prefix, e);
        }
        return pending;
    }

    /** Aborts the upload; aborting one that no longer exists succeeds. */
    void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(settings.bucket()).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            return;
        } catch (SdkException e) {
            throw errors.translate("multipart upload abort", key, e);
        }
    }
}
