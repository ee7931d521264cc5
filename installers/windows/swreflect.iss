; Inno Setup script for swreflect on Windows: a per-user install (no administrator rights),
; a Start menu entry, file associations for .swx/.swid/.swb, and an uninstaller that leaves
; the vault alone. Packs the PyInstaller folder that `make dist` builds (dist\swreflect\).
;   iscc installers\windows\swreflect.iss        (Inno Setup 6; run from the repository root)
; Signing: see installers\README.md ("Signing").

#define AppName "swreflect"
#define AppVersion GetEnv("SWREFLECT_VERSION")
#if AppVersion == ""
  #define AppVersion GetVersionNumbersString("..\..\dist\swreflect\swreflect.exe")
#endif
#define AppExe "swreflect-gui.exe"

[Setup]
AppId={{6E1F3B2A-8C4D-4F7E-9A51-2D0C7B9E4A13}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=swreflect developers
AppPublisherURL=https://swreflect.org/
DefaultDirName={localappdata}\Programs\swreflect
DefaultGroupName=swreflect
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=swreflect-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\swreflect.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; SignTool=swreflectsign $f   (define the "swreflectsign" tool in the IDE or with /S)

[Files]
Source: "..\..\dist\swreflect\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\swreflect"; Filename: "{app}\{#AppExe}"; Comment: "Confidential reflective supervision"
Name: "{userdesktop}\swreflect"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked
Name: "path"; Description: "Add the swreflect command to PATH (for the command line)"; Flags: unchecked

[Registry]
; File associations, per user (HKCU\Software\Classes); removed again on uninstall.
Root: HKA; Subkey: "Software\Classes\.swx"; ValueType: string; ValueData: "swreflect.exchange"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\swreflect.exchange"; ValueType: string; ValueData: "swreflect agreement file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\swreflect.exchange\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\swreflect.exchange\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.swid"; ValueType: string; ValueData: "swreflect.card"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\swreflect.card"; ValueType: string; ValueData: "swreflect identity card"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\swreflect.card\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\swreflect.card\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.swb"; ValueType: string; ValueData: "swreflect.backup"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\swreflect.backup"; ValueType: string; ValueData: "swreflect encrypted backup"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\swreflect.backup\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\swreflect.backup\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: path; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start swreflect"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}. The vault, settings and logs live in
; %LOCALAPPDATA%\swreflect (a different folder) and are never touched by the uninstaller.
Type: filesandordirs; Name: "{app}\_internal"

[Messages]
UninstalledAll=swreflect was removed from your computer.%n%nYour vault and its backups were kept in %LOCALAPPDATA%\swreflect. Delete that folder yourself if you no longer need them.

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
