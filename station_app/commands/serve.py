"""``station serve``: the county's upload service (docs/county-server.md)."""

from __future__ import annotations

import argparse
import logging
import ssl
import sys
from pathlib import Path

from station_app.commands.base import CommandAdder, out
from station_app.errors import StationError
from station_app.installation import Installation
from station_app.messages import msg


def _listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"应写成 主机:端口，例如 0.0.0.0:8443：{text}")
    return host.strip("[]"), int(port)


def cmd_serve(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.sync.upload_protocol import certificate_fingerprint
    from station_app.sync.upload_service import run_service

    identity = inst.identity()
    if identity is None or not identity.is_county:
        raise StationError(msg("上传服务只在县消协（county 角色）的安装上运行；本机不是县消协。"))
    host, port = args.listen
    certificate = Path(args.certificate) if args.certificate else None
    key = Path(args.private_key) if args.private_key else None
    if (certificate is None) != (key is None):
        raise StationError(msg("--certificate 与 --private-key 须同时给出。"))
    scheme, fingerprint = "http", None
    if certificate is not None and key is not None:
        try:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(certificate, key)
            pem = certificate.read_text(encoding="ascii")
            fingerprint = certificate_fingerprint(ssl.PEM_cert_to_DER_cert(pem))
        except (OSError, ValueError, ssl.SSLError) as error:
            raise StationError(
                msg("无法使用证书 {file}：{reason}", file=certificate, reason=error)
            ) from error
        scheme = "https"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logging.getLogger("station.serve").addHandler(handler)

    def ready() -> None:
        out(msg("县消协上传服务已启动：{url}", url=f"{scheme}://{host}:{port}/"))
        if fingerprint:
            out(msg("证书指纹（写在名册“说明”页的“县消协证书指纹”）：{fp}", fp=fingerprint))
        out(msg("按 Ctrl-C 停止。"))

    run_service(
        inst,
        host,
        port,
        max_bytes=args.max_mb * 1024 * 1024,
        certificate=certificate,
        private_key=key,
        ready=ready,
    )
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("serve", cmd_serve, "县消协上传服务：服务站联网时把数据包上传到这里，随到随导入")
    sub.add_argument(
        "--listen",
        required=True,
        type=_listen,
        metavar="HOST:PORT",
        help="监听地址，如 0.0.0.0:8443",
    )
    sub.add_argument("--certificate", metavar="FILE", help="HTTPS 证书文件（PEM）")
    sub.add_argument("--private-key", metavar="FILE", help="HTTPS 证书的私钥文件（PEM）")
    sub.add_argument(
        "--max-mb",
        type=int,
        default=256,
        metavar="MB",
        help="单个数据包最大多少 MB（默认 %(default)s）",
    )
