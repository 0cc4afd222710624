; Inno Setup script: a Windows installer made from the PyInstaller folder dist\station.
;
;   pyinstaller build.spec                 (first: makes dist\station\station.exe)
;   iscc packaging\station.iss             -> dist\station-setup-<version>.exe
;
; Needs Inno Setup 6.3 or later (https://jrsoftware.org/isinfo.php). The version is read from
; station.exe's version resource, which build.spec writes from station_app/__init__.py.
; Installs per user by default (no administrator rights needed; officers rarely have them), into
; %LOCALAPPDATA%\Programs\station; an administrator may choose all users instead.
; Uninstalling removes the program only: the data directory (%LOCALAPPDATA%\station\station:
; database, attachments, backups) is never touched.
; The wizard is in Simplified Chinese when ChineseSimplified.isl (an unofficial Inno Setup
; translation) is in the compiler's Languages folder, otherwise in English.
; This file is UTF-8 with a byte-order mark, as Inno Setup wants for Chinese text.

#define AppName "消费维权服务站登记系统"
#define AppExe "station.exe"
#define DistDir AddBackslash(SourcePath) + "..\dist\station"
#define AppVersion GetVersionNumbersString(DistDir + "\" + AppExe)
#define ChineseIsl AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"

[Setup]
AppId={{3F4F9374-ACC4-4296-BED4-A5493D2A270D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=消费维权服务站
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\station
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Python 3.11 runs on Windows 8.1 and later
MinVersion=6.3
SetupIconFile=..\resources\icons\station.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist
OutputBaseFilename=station-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
#if FileExists(ChineseIsl)
Name: "zh_CN"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the whole program folder, so no file of an older version lingers
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
